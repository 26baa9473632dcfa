using MicroInternships.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Notifications.Data.Configurations;

internal sealed class CourseEntryConfiguration : IEntityTypeConfiguration<CourseEntry>
{
    public void Configure(EntityTypeBuilder<CourseEntry> course)
    {
        course.ToTable("courses");
        course.Property(c => c.Id).ValueGeneratedNever();
        course.Property(c => c.FacultyId).HasMaxLength(255);
        course.Property(c => c.Code).HasMaxLength(40);
    }
}

internal sealed class PlacementEntryConfiguration : IEntityTypeConfiguration<PlacementEntry>
{
    public void Configure(EntityTypeBuilder<PlacementEntry> placement)
    {
        placement.ToTable("placements");
        placement.Property(p => p.Id).ValueGeneratedNever();
        placement.Property(p => p.StudentId).HasMaxLength(255);
        placement.Property(p => p.StudentName).HasMaxLength(200);
    }
}

internal sealed class InstituteEntryConfiguration : IEntityTypeConfiguration<InstituteEntry>
{
    public void Configure(EntityTypeBuilder<InstituteEntry> institute)
    {
        institute.ToTable("institute_events");
        institute.Property(e => e.Id).ValueGeneratedNever();
        institute.Property(e => e.Title).HasMaxLength(200);
        institute.Property(e => e.Venue).HasMaxLength(200);
        institute.Property(e => e.TimeZone).HasMaxLength(64);
    }
}

internal sealed class FundEntryConfiguration : IEntityTypeConfiguration<FundEntry>
{
    public void Configure(EntityTypeBuilder<FundEntry> fund)
    {
        fund.ToTable("funds");
        fund.Property(f => f.Id).ValueGeneratedNever();
    }
}
