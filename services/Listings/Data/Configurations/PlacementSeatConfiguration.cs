using MicroInternships.Listings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Listings.Data.Configurations;

internal sealed class PlacementSeatConfiguration : IEntityTypeConfiguration<PlacementSeat>
{
    public void Configure(EntityTypeBuilder<PlacementSeat> seat)
    {
        seat.HasKey(s => s.PlacementId);
        seat.Property(s => s.PlacementId).ValueGeneratedNever();
        seat.HasIndex(s => s.ListingId).HasFilter("active");
    }
}
