using MicroInternships.Placements.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Placements.Data.Configurations;

internal sealed class TimeEntryConfiguration : IEntityTypeConfiguration<TimeEntry>
{
    public void Configure(EntityTypeBuilder<TimeEntry> entry)
    {
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.Property(e => e.Hours).HasPrecision(4, 2);
        entry.Property(e => e.Note).HasMaxLength(500);
        entry.HasOne<Placement>().WithMany().HasForeignKey(e => e.PlacementId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.PlacementId, e.Date });
    }
}
