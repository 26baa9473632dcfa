using MicroInternships.Placements.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Placements.Data.Configurations;

internal sealed class StudentWorkloadConfiguration : IEntityTypeConfiguration<StudentWorkload>
{
    public void Configure(EntityTypeBuilder<StudentWorkload> workload)
    {
        workload.ToTable("student_workloads", t => t.HasCheckConstraint("ck_student_workloads_active_placements", "active_placements >= 0"));
        workload.HasKey(w => w.StudentId);
        workload.Property(w => w.StudentId).HasMaxLength(255);
    }
}
