using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Placements.Data.Configurations;

internal sealed class ListingCopyConfiguration : IEntityTypeConfiguration<ListingCopy>
{
    public void Configure(EntityTypeBuilder<ListingCopy> listing)
    {
        listing.ToTable("listings", t => t.HasCheckConstraint("ck_listings_filled_count", "filled_count >= 0"));
        listing.Property(l => l.Id).ValueGeneratedNever();
        listing.Property(l => l.Status).HasConversion<WireNameConverter<ListingState>>().HasMaxLength(16);
        listing.Property(l => l.OrganizationName).HasMaxLength(200);
        listing.Property(l => l.Title).HasMaxLength(120);
        listing.Property(l => l.Currency).HasMaxLength(3);
        listing.Ignore(l => l.IsFull);
        listing.HasIndex(l => l.ClosedAt).HasFilter("status IN ('closed', 'filled')");
    }
}
