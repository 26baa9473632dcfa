using MicroInternships.Payments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Payments.Data.Configurations;

internal sealed class FundConfiguration : IEntityTypeConfiguration<Fund>
{
    public void Configure(EntityTypeBuilder<Fund> fund)
    {
        fund.Property(f => f.Id).ValueGeneratedNever();
        fund.Property(f => f.Name).HasMaxLength(120);
        fund.Property(f => f.Currency).HasMaxLength(3);
        fund.Ignore(f => f.AvailableCents);
        fund.ToTable(t =>
        {
            t.HasCheckConstraint("ck_funds_never_overdrawn", "reserved_cents >= 0 AND spent_cents >= 0 AND reserved_cents + spent_cents <= budget_cents");
        });
    }
}
