using MicroInternships.Notifications.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Notifications.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.Id).ValueGeneratedNever();
        notification.Property(n => n.RecipientKind).HasConversion<WireNameConverter<RecipientKind>>().HasMaxLength(16);
        notification.Property(n => n.RecipientKey).HasMaxLength(255);
        notification.Property(n => n.Category).HasMaxLength(64);
        notification.Property(n => n.Title).HasMaxLength(200);
        notification.Property(n => n.Body).HasMaxLength(1000);
        notification.Property(n => n.Link).HasMaxLength(300);

        // An event delivered twice, or replayed after the inbox forgot it, notifies each recipient once.
        notification.HasIndex(n => new { n.SourceEventId, n.RecipientKind, n.RecipientKey }).IsUnique();
        // A recipient's list and unread count, newest first.
        notification.HasIndex(n => new { n.RecipientKind, n.RecipientKey, n.CreatedAt, n.Id }).IsDescending(false, false, true, true);
    }
}
