using MicroInternships.Payments.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Payments.Data.Configurations;

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> payout)
    {
        payout.Property(p => p.Id).ValueGeneratedNever();
        payout.Property(p => p.StudentId).HasMaxLength(255);
        payout.Property(p => p.Currency).HasMaxLength(3);
        payout.Property(p => p.Status).HasConversion<WireNameConverter<PayoutStatus>>().HasMaxLength(16);
        payout.Property(p => p.FailureReason).HasMaxLength(200);
        payout.Property(p => p.FlagReason).HasMaxLength(300);
        payout.Property(p => p.TraceParent).HasMaxLength(55);
        payout.Property(p => p.TraceState).HasMaxLength(512);
        payout.Property(p => p.Version).IsConcurrencyToken();
        payout.Ignore(p => p.CurrentAttempt);
        payout.Ignore(p => p.Changes);
        payout.OwnsMany(p => p.Attempts, attempt =>
        {
            attempt.ToTable("payout_attempts");
            attempt.WithOwner().HasForeignKey(a => a.PayoutId);
            attempt.HasKey(a => new { a.PayoutId, a.Number });
            attempt.Property(a => a.Number).ValueGeneratedNever();
            attempt.Property(a => a.PartnerPayoutId).HasMaxLength(100);
            attempt.Property(a => a.Outcome).HasMaxLength(16);
            attempt.Ignore(a => a.IdempotencyKey);
            attempt.HasIndex(a => a.PartnerPayoutId);
        });
        payout.Navigation(p => p.Attempts).UsePropertyAccessMode(PropertyAccessMode.Field);

        // One payout per placement, whatever the number of events or consumers: the database decides.
        payout.HasIndex(p => p.PlacementId).IsUnique();
        payout.HasIndex(p => new { p.Status, p.CreatedAt, p.Id });
        payout.HasIndex(p => new { p.StudentId, p.CreatedAt, p.Id });
        payout.HasIndex(p => new { p.OrganizationId, p.CreatedAt, p.Id });
        payout.HasIndex(p => p.SubmitAfter).HasFilter("status = 'pending'");
        payout.ToTable(t => t.HasCheckConstraint("ck_payouts_amount", "amount_cents > 0"));
    }
}
