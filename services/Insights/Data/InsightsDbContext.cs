using MicroInternships.Insights.Domain;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Memberships;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Insights.Data;

/// <summary>
/// The read model: a copy of every fact the program's figures are counted from, kept by the publishers' events alone
/// (<c>Consumers/</c>) and learned again from their history by replay. Written by <see cref="FactWrites"/>, read by
/// the figures' SQL (<c>Apis/</c>).
/// </summary>
public sealed class InsightsDbContext(DbContextOptions<InsightsDbContext> options) : DbContext(options)
{
    public DbSet<OrganizationFact> Organizations => Set<OrganizationFact>();

    public DbSet<CourseFact> Courses => Set<CourseFact>();

    public DbSet<ListingFact> Listings => Set<ListingFact>();

    public DbSet<ApplicationFact> Applications => Set<ApplicationFact>();

    public DbSet<PlacementFact> Placements => Set<PlacementFact>();

    public DbSet<TimeEntryFact> TimeEntries => Set<TimeEntryFact>();

    public DbSet<RatingFact> Ratings => Set<RatingFact>();

    public DbSet<PayoutFact> Payouts => Set<PayoutFact>();

    public DbSet<FundFact> Funds => Set<FundFact>();

    public DbSet<InstituteEventFact> InstituteEvents => Set<InstituteEventFact>();

    public DbSet<RegistrationFact> Registrations => Set<RegistrationFact>();

    public DbSet<SlotFact> Slots => Set<SlotFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InsightsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox().AddMemberCopies();
    }
}
