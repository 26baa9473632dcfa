using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Placements.Data.Configurations;

internal sealed class ReflectionConfiguration : IEntityTypeConfiguration<Reflection>
{
    public void Configure(EntityTypeBuilder<Reflection> reflection)
    {
        reflection.Property(r => r.Id).ValueGeneratedNever();
        reflection.Property(r => r.AuthorId).HasMaxLength(255);
        reflection.Property(r => r.AuthorName).HasMaxLength(200);
        reflection.Property(r => r.AuthorRole).HasMaxLength(16);
        reflection.Property(r => r.Text).HasMaxLength(5000);
        reflection.HasOne<Placement>().WithMany().HasForeignKey(r => r.PlacementId).OnDelete(DeleteBehavior.Cascade);
        reflection.Property(r => r.Sharing).HasConversion<WireNameConverter<ReflectionSharing>>().HasMaxLength(16);
        // A student changing their mind twice at once: the later save finds the version changed (409).
        reflection.Property(r => r.Version).IsConcurrencyToken();
        reflection.HasIndex(r => new { r.PlacementId, r.CreatedAt });
    }
}
