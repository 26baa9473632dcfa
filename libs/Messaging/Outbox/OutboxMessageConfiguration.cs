using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Messaging.Outbox;

/// <summary>Explicit names: the relay queries this table in SQL, whatever naming convention a service uses.</summary>
internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const string Table = "outbox_messages";

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(500);
        builder.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
        builder.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(55);
        builder.Property(m => m.TraceState).HasColumnName("trace_state").HasMaxLength(512);
        builder.Property(m => m.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()").ValueGeneratedOnAdd();
        builder.Property(m => m.AvailableAt).HasColumnName("available_at").HasDefaultValueSql("now()").ValueGeneratedOnAdd();
        builder.Property(m => m.Attempts).HasColumnName("attempts");
        builder.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
        builder.Property(m => m.SentAt).HasColumnName("sent_at");
        builder.Property(m => m.ParkedAt).HasColumnName("parked_at");
        builder.Property(m => m.ReplayTo).HasColumnName("replay_to").HasMaxLength(200);
        builder.Property(m => m.ReplayOf).HasColumnName("replay_of");

        builder.HasIndex(m => new { m.AvailableAt, m.Id })
            .HasDatabaseName("ix_outbox_messages_due")
            .HasFilter("sent_at IS NULL AND parked_at IS NULL");
        // Cleanup finds old sent rows by creation time (a row is sent after it is created): a BRIN index on an
        // append-ordered column costs inserts almost nothing, where a B-tree on sent_at would cost every publish.
        builder.HasIndex(m => m.CreatedAt)
            .HasDatabaseName("ix_outbox_messages_created_at")
            .HasMethod("brin");
        builder.HasIndex(m => m.ParkedAt)
            .HasDatabaseName("ix_outbox_messages_parked_at")
            .HasFilter("parked_at IS NOT NULL");
    }
}
