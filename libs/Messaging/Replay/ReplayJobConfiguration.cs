using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Messaging.Replay;

internal sealed class ReplayJobConfiguration : IEntityTypeConfiguration<ReplayJob>
{
    public void Configure(EntityTypeBuilder<ReplayJob> builder)
    {
        builder.ToTable("replay_jobs");
        builder.HasKey(j => j.RequestId);
        builder.Property(j => j.RequestId).HasColumnName("request_id").ValueGeneratedNever();
        builder.Property(j => j.Consumer).HasColumnName("consumer").HasMaxLength(100);
        builder.Property(j => j.EventTypes).HasColumnName("event_types");
        builder.Property(j => j.Since).HasColumnName("since");
        builder.Property(j => j.UpToSequence).HasColumnName("up_to_seq");
        builder.Property(j => j.CursorSequence).HasColumnName("cursor_seq");
        builder.Property(j => j.Paged).HasColumnName("paged");
        builder.Property(j => j.RequestedAt).HasColumnName("requested_at").HasDefaultValueSql("now()").ValueGeneratedOnAdd();
        builder.Property(j => j.DoneAt).HasColumnName("done_at");
        builder.HasIndex(j => j.RequestedAt).HasDatabaseName("ix_replay_jobs_unfinished").HasFilter("done_at IS NULL");
    }
}
