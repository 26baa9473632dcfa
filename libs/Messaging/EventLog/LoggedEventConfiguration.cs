using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Messaging.EventLog;

/// <summary>Explicit names: replays read this table in SQL, whatever naming convention a service uses.</summary>
internal sealed class LoggedEventConfiguration : IEntityTypeConfiguration<LoggedEvent>
{
    public const string Table = "event_log";

    public void Configure(EntityTypeBuilder<LoggedEvent> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).HasColumnName("seq").UseIdentityAlwaysColumn();
        builder.Property(e => e.MessageId).HasColumnName("message_id");
        builder.Property(e => e.MessageType).HasColumnName("message_type").HasMaxLength(500);
        builder.Property(e => e.Payload).HasColumnName("payload").HasColumnType("jsonb");
        builder.Property(e => e.CreatedAt).HasColumnName("created_at").HasDefaultValueSql("now()").ValueGeneratedOnAdd();
        builder.HasIndex(e => e.MessageId).IsUnique().HasDatabaseName("ux_event_log_message_id");

        // A replay reads one consumer's types in order: by type, then by sequence.
        builder.HasIndex(e => new { e.MessageType, e.Sequence }).HasDatabaseName("ix_event_log_type_seq");
    }
}
