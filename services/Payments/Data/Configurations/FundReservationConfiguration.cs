using MicroInternships.Payments.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Payments.Data.Configurations;

internal sealed class FundReservationConfiguration : IEntityTypeConfiguration<FundReservation>
{
    public void Configure(EntityTypeBuilder<FundReservation> reservation)
    {
        reservation.HasKey(r => r.PlacementId);
        reservation.Property(r => r.Status).HasConversion<WireNameConverter<ReservationStatus>>().HasMaxLength(16);
        reservation.Property(r => r.Reason).HasMaxLength(100);
        reservation.HasIndex(r => new { r.FundId, r.Status });
    }
}
