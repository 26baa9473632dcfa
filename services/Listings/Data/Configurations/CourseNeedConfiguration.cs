using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Listings.Data.Configurations;

internal sealed class CourseNeedConfiguration : IEntityTypeConfiguration<CourseNeed>
{
    public void Configure(EntityTypeBuilder<CourseNeed> need)
    {
        need.Property(n => n.Id).ValueGeneratedNever();
        need.Property(n => n.FacultyId).HasMaxLength(255);
        need.Property(n => n.FacultyName).HasMaxLength(200);
        need.Property(n => n.LearningOutcomes).HasMaxLength(2000);
        need.Property(n => n.Status).HasConversion<WireNameConverter<CourseNeedStatus>>().HasMaxLength(16);
        need.Property(n => n.WorkMode).HasConversion<WireNameConverter<WorkMode>>().HasMaxLength(16);
        need.Property(n => n.Version).IsConcurrencyToken();
        need.HasOne<Course>().WithMany().HasForeignKey(n => n.CourseId).OnDelete(DeleteBehavior.Cascade);

        // Matching reads open needs sharing a skill or discipline key with a partner's listings.
        need.HasIndex(n => n.SkillKeys).HasMethod("GIN").HasFilter("status = 'open'");
        need.HasIndex(n => n.DisciplineKeys).HasMethod("GIN").HasFilter("status = 'open'");
        need.HasIndex(n => new { n.CourseId, n.CreatedAt });
    }
}
