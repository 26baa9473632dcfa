using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Messaging.Inbox;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public const string Table = "inbox_messages";

    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(m => new { m.MessageId, m.Consumer });
        builder.Property(m => m.MessageId).HasColumnName("message_id");
        builder.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
        builder.Property(m => m.ProcessedAt).HasColumnName("processed_at").HasDefaultValueSql("now()");
        // BRIN: records arrive in time order, so a tiny index serves the retention cleanup and costs inserts almost nothing.
        builder.HasIndex(m => m.ProcessedAt).HasDatabaseName("ix_inbox_messages_processed_at").HasMethod("brin");
    }
}
