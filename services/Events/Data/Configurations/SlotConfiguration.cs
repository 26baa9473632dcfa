using MicroInternships.Events.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Events.Data.Configurations;

/// <summary>
/// Besides what is here, the migration adds two exclusion constraints EF cannot describe (see
/// <see cref="SlotConstraints"/>): a partner's slots never overlap, and neither do an attendee's bookings.
/// </summary>
internal sealed class SlotConfiguration : IEntityTypeConfiguration<Slot>
{
    public void Configure(EntityTypeBuilder<Slot> slot)
    {
        slot.Property(s => s.Id).ValueGeneratedNever();
        slot.Property(s => s.PartnerId).HasMaxLength(255);
        slot.Property(s => s.PartnerName).HasMaxLength(200);
        slot.Property(s => s.BookedBy).HasMaxLength(255);
        slot.Property(s => s.BookedByName).HasMaxLength(200);
        slot.Ignore(s => s.Booked);
        slot.HasOne<Event>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        slot.HasIndex(s => new { s.EventId, s.StartsAt });

        // One slot per organization for each attendee at an event.
        slot.HasIndex(s => new { s.EventId, s.OrganizationId, s.BookedBy }).IsUnique().HasFilter("booked_by IS NOT NULL")
            .HasDatabaseName(SlotConstraints.OnePerOrganization);
        slot.ToTable(t => t.HasCheckConstraint("ck_slots_length", "ends_at - starts_at BETWEEN interval '15 minutes' AND interval '60 minutes'"));
    }
}
