using MicroInternships.Events.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Events.Data.Configurations;

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> registration)
    {
        registration.Property(r => r.Id).ValueGeneratedNever();
        registration.Property(r => r.AttendeeId).HasMaxLength(255);
        registration.Property(r => r.AttendeeName).HasMaxLength(200);
        registration.Property(r => r.Audience).HasConversion<WireNameConverter<Audience>>().HasMaxLength(16);
        registration.Property(r => r.Status).HasConversion<WireNameConverter<RegistrationStatus>>().HasMaxLength(16);
        registration.Property(r => r.Tier).HasConversion<WireNameConverter<Tier>>().HasMaxLength(16);
        registration.Property(r => r.Version).IsConcurrencyToken();
        registration.Ignore(r => r.HoldsSeat);
        registration.HasOne<Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);

        // One active registration per person and event, whatever races the API loses.
        registration.HasIndex(r => new { r.EventId, r.AttendeeId }).IsUnique().HasFilter("status IN ('confirmed', 'waitlisted', 'checked_in')");
        registration.HasIndex(r => new { r.EventId, r.WaitlistNumber }).HasFilter("status = 'waitlisted'");
        registration.HasIndex(r => new { r.EventId, r.CreatedAt, r.Id });
    }
}
