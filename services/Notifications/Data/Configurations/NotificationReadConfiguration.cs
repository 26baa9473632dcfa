using MicroInternships.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Notifications.Data.Configurations;

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> read)
    {
        read.ToTable("notification_reads");
        read.HasKey(r => new { r.NotificationId, r.ReaderId });
        read.Property(r => r.ReaderId).HasMaxLength(255);
        read.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
