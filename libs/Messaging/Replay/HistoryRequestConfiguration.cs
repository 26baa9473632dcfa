using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Messaging.Replay;

internal sealed class HistoryRequestConfiguration : IEntityTypeConfiguration<HistoryRequest>
{
    public void Configure(EntityTypeBuilder<HistoryRequest> builder)
    {
        builder.ToTable("history_requests");
        builder.HasKey(r => r.EventType);
        builder.Property(r => r.EventType).HasColumnName("event_type").HasMaxLength(500);
        builder.Property(r => r.RequestId).HasColumnName("request_id");
        builder.Property(r => r.RequestedAt).HasColumnName("requested_at").HasDefaultValueSql("now()").ValueGeneratedOnAdd();
    }
}
