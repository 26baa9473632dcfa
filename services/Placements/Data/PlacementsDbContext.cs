using MicroInternships.Messaging;
using MicroInternships.Messaging.Memberships;
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

    public DbSet<Credential> Credentials => Set<Credential>();

    public DbSet<Portfolio> Portfolios => Set<Portfolio>();

    public DbSet<PortfolioSlug> PortfolioSlugs => Set<PortfolioSlug>();

    /// <summary>The next credential's bit in the status lists; never given twice, even by transactions that roll back.</summary>
    public Task<long> NextCredentialStatusIndexAsync(CancellationToken cancellationToken) =>
        Database.SqlQuery<long>($"SELECT nextval('credential_status_index') AS \"Value\"").SingleAsync(cancellationToken);

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
        modelBuilder.HasSequence<long>("credential_status_index").StartsAt(0).HasMin(0);
        modelBuilder.AddOutboxAndInbox().AddMemberCopies();
        modelBuilder.AddIdempotentRequests();
    }
}
