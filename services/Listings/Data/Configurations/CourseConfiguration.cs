using MicroInternships.Listings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Listings.Data.Configurations;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> course)
    {
        course.Property(c => c.Id).ValueGeneratedNever();
        course.Property(c => c.FacultyId).HasMaxLength(255);
        course.Property(c => c.FacultyName).HasMaxLength(200);
        course.Property(c => c.Code).HasMaxLength(20);
        course.Property(c => c.Title).HasMaxLength(120);
        course.Property(c => c.Term).HasMaxLength(40);
        course.Property(c => c.Department).HasMaxLength(60).HasDefaultValue(Course.Unassigned);
        course.Property(c => c.Version).IsConcurrencyToken();
        course.HasIndex(c => c.SkillKeys).HasMethod("GIN");
        course.HasIndex(c => c.DisciplineKeys).HasMethod("GIN");
        course.HasIndex(c => new { c.FacultyId, c.CreatedAt, c.Id });
        course.HasIndex(c => new { c.CreatedAt, c.Id });
    }
}
