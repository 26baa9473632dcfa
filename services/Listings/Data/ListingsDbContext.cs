using MicroInternships.Listings.Domain;
using MicroInternships.Messaging;
using MicroInternships.ServiceDefaults.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Data;

public sealed class ListingsDbContext(DbContextOptions<ListingsDbContext> options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Listing> Listings => Set<Listing>();

    public DbSet<Course> Courses => Set<Course>();

    public DbSet<CourseListing> CourseListings => Set<CourseListing>();

    public DbSet<CourseRequest> CourseRequests => Set<CourseRequest>();

    public DbSet<CourseNeed> CourseNeeds => Set<CourseNeed>();

    public DbSet<OrganizationMembership> Memberships => Set<OrganizationMembership>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<PartnerInterest> PartnerInterests => Set<PartnerInterest>();

    public DbSet<PlacementSeat> PlacementSeats => Set<PlacementSeat>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("btree_gin");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ListingsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotentRequests();
    }
}
