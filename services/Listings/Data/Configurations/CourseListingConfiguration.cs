using MicroInternships.Listings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Listings.Data.Configurations;

internal sealed class CourseListingConfiguration : IEntityTypeConfiguration<CourseListing>
{
    public void Configure(EntityTypeBuilder<CourseListing> link)
    {
        link.HasKey(l => new { l.CourseId, l.ListingId });
        link.HasIndex(l => l.ListingId);
        link.HasOne<Course>().WithMany().HasForeignKey(l => l.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}
