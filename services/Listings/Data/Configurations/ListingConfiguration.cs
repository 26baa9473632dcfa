using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Listings.Data.Configurations;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    // Title and skills weigh most, then the summary, then the body; 'english' stems ("analysis" finds "analyses").
    private const string SearchVectorSql =
        "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', search_skills), 'A') || " +
        "setweight(to_tsvector('english', summary), 'B') || setweight(to_tsvector('english', description), 'C')";

    public void Configure(EntityTypeBuilder<Listing> listing)
    {
        listing.Property(l => l.Id).ValueGeneratedNever();
        listing.Property(l => l.Title).HasMaxLength(120);
        listing.Property(l => l.Summary).HasMaxLength(280);
        listing.Property(l => l.Description).HasMaxLength(10_000);
        listing.Property(l => l.Discipline).HasMaxLength(60);
        listing.Property(l => l.DisciplineKey).HasMaxLength(60);
        listing.Property(l => l.Currency).HasMaxLength(3);
        listing.Property(l => l.Location).HasMaxLength(120);
        listing.Property(l => l.Status).HasConversion<WireNameConverter<ListingStatus>>().HasMaxLength(16);
        listing.Property(l => l.WorkMode).HasConversion<WireNameConverter<WorkMode>>().HasMaxLength(16);
        listing.Property(l => l.CloseReason).HasConversion<WireNameConverter<CloseReason>>().HasMaxLength(16);
        listing.Property(l => l.Version).IsConcurrencyToken();
        listing.Property(l => l.SearchVector).HasComputedColumnSql(SearchVectorSql, stored: true);

        listing.HasOne(l => l.Organization).WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        listing.HasMany(l => l.CourseLinks).WithOne().HasForeignKey(c => c.ListingId).OnDelete(DeleteBehavior.Cascade);
        listing.Navigation(l => l.CourseLinks).UsePropertyAccessMode(PropertyAccessMode.Field);

        listing.HasIndex(l => l.SearchVector).HasMethod("GIN");
        listing.HasIndex(l => l.SkillKeys).HasMethod("GIN");
        listing.HasIndex(l => new { l.Status, l.CreatedAt, l.Id });
        listing.HasIndex(l => new { l.OrganizationId, l.CreatedAt, l.Id });
        listing.HasIndex(l => l.ApplicationDeadline).HasFilter("status = 'open'");
        listing.ToTable(t =>
        {
            t.HasCheckConstraint("ck_listings_openings", "openings BETWEEN 1 AND 50");
            t.HasCheckConstraint("ck_listings_filled_count", "filled_count >= 0");
        });
    }
}
