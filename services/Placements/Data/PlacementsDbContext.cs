using MicroInternships.Messaging;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Data;

public sealed class PlacementsDbContext(DbContextOptions<PlacementsDbContext> options) : DbContext(options)
{
    public DbSet<ListingCopy> Listings => Set<ListingCopy>();

    public DbSet<CourseLink> CourseLinks => Set<CourseLink>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<Placement> Placements => Set<Placement>();

    public DbSet<TimeEntry> TimeEntries => Set<TimeEntry>();

    public DbSet<Reflection> Reflections => Set<Reflection>();

    public DbSet<StudentWorkload> StudentWorkloads => Set<StudentWorkload>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ApplicationEvents.Announce(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ApplicationEvents.Announce(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlacementsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotentRequests();
    }
}
