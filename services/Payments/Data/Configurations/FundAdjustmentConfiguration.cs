using MicroInternships.Payments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Payments.Data.Configurations;

internal sealed class FundAdjustmentConfiguration : IEntityTypeConfiguration<FundAdjustment>
{
    public void Configure(EntityTypeBuilder<FundAdjustment> adjustment)
    {
        adjustment.Property(a => a.Id).ValueGeneratedNever();
        adjustment.Property(a => a.Reason).HasMaxLength(500);
        adjustment.Property(a => a.AdjustedBy).HasMaxLength(255);
        adjustment.HasOne<Fund>().WithMany().HasForeignKey(a => a.FundId).OnDelete(DeleteBehavior.Cascade);
        adjustment.HasIndex(a => new { a.FundId, a.CreatedAt });
    }
}
