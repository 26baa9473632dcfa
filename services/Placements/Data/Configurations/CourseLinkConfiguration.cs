using MicroInternships.Placements.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Placements.Data.Configurations;

internal sealed class CourseLinkConfiguration : IEntityTypeConfiguration<CourseLink>
{
    public void Configure(EntityTypeBuilder<CourseLink> link)
    {
        link.HasKey(l => new { l.CourseId, l.ListingId });
        link.Property(l => l.FacultyId).HasMaxLength(255);
        link.Property(l => l.FacultyName).HasMaxLength(200);
        link.Property(l => l.CourseCode).HasMaxLength(40);
        link.HasIndex(l => new { l.FacultyId, l.CourseId });
    }
}
