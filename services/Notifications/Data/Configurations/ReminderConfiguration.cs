using MicroInternships.Notifications.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Notifications.Data.Configurations;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> reminder)
    {
        reminder.Property(r => r.Id).ValueGeneratedNever();
        reminder.Property(r => r.Key).HasMaxLength(120);
        reminder.HasIndex(r => r.Key).IsUnique();
        reminder.Property(r => r.Status).HasConversion<WireNameConverter<ReminderStatus>>().HasMaxLength(16);
        reminder.Property(r => r.RecipientKind).HasConversion<WireNameConverter<RecipientKind>>().HasMaxLength(16);
        reminder.Property(r => r.RecipientKey).HasMaxLength(255);
        reminder.Property(r => r.Category).HasMaxLength(64);
        reminder.Property(r => r.Title).HasMaxLength(200);
        reminder.Property(r => r.Body).HasMaxLength(1000);
        reminder.Property(r => r.Link).HasMaxLength(300);
        reminder.Ignore(r => r.Recipient);

        // The sweep reads only what is still to send, soonest first.
        reminder.HasIndex(r => r.DueAt).HasFilter("status = 'pending'");
        reminder.HasIndex(r => r.EventId).HasFilter("event_id IS NOT NULL");
    }
}
