using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace MicroInternships.Listings.Data.Configurations;

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    // 'english' stems ("building" finds "build"). The rank vector leaves the description out: ranking then reads a
    // few hundred bytes per match instead of the whole text, and a match in the body alone still qualifies.
    private const string RankVectorSql =
        "setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', search_skills), 'A') || " +
        "setweight(to_tsvector('english', summary), 'B')";

    private const string SearchVectorSql = RankVectorSql + " || setweight(to_tsvector('english', description), 'C')";

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
        // Shadow properties: queries filter and rank on them, but no listing ever carries its vectors into memory.
        listing.Property<NpgsqlTsVector>(ListingSearchColumns.SearchVector).IsRequired().HasComputedColumnSql(SearchVectorSql, stored: true);
        listing.Property<NpgsqlTsVector>(ListingSearchColumns.RankVector).IsRequired().HasComputedColumnSql(RankVectorSql, stored: true);

        listing.HasOne(l => l.Organization).WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        listing.HasMany(l => l.CourseLinks).WithOne().HasForeignKey(c => c.ListingId).OnDelete(DeleteBehavior.Cascade);
        listing.Navigation(l => l.CourseLinks).UsePropertyAccessMode(PropertyAccessMode.Field);

        // btree_gin lets the equality filters share the text index, so PostgreSQL intersects them before visiting rows.
        // Open listings, which nearly every search asks for, have an index of their own: in one index with the
        // others, the scan also walked the posting list of status 'open', four rows in five, and took 2.5x as long.
        // Searches name their status as a literal, so PostgreSQL can always prove which index applies.
        listing.HasIndex(ListingSearchColumns.SearchVector, nameof(Listing.WorkMode), nameof(Listing.DisciplineKey)).HasMethod("GIN")
            .HasFilter("status = 'open'");
        listing.HasIndex(ListingSearchColumns.SearchVector, nameof(Listing.Status), nameof(Listing.WorkMode), nameof(Listing.DisciplineKey)).HasMethod("GIN")
            .HasFilter("status <> 'open'");
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
