using MicroInternships.Messaging;
using MicroInternships.Messaging.Memberships;
using MicroInternships.Notifications.Domain;
using MicroInternships.Notifications.Email;
using MicroInternships.Notifications.People;
using MicroInternships.ServiceDefaults.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationRead> Reads => Set<NotificationRead>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<ListingEntry> Listings => Set<ListingEntry>();

    public DbSet<CourseEntry> Courses => Set<CourseEntry>();

    public DbSet<PlacementEntry> Placements => Set<PlacementEntry>();

    public DbSet<InstituteEntry> InstituteEvents => Set<InstituteEntry>();

    public DbSet<FundEntry> Funds => Set<FundEntry>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<EmailPreference> EmailPreferences => Set<EmailPreference>();

    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    public DbSet<DigestDay> DigestDays => Set<DigestDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox().AddMemberCopies();
        modelBuilder.AddIdempotentRequests();
    }
}
