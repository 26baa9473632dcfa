using MicroInternships.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Notifications.Data.Configurations;

internal sealed class ListingEntryConfiguration : IEntityTypeConfiguration<ListingEntry>
{
    public void Configure(EntityTypeBuilder<ListingEntry> listing)
    {
        listing.ToTable("listings");
        listing.Property(l => l.Id).ValueGeneratedNever();
        listing.Property(l => l.Title).HasMaxLength(200);
    }
}
