using MicroInternships.Events.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Events.Data.Configurations;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> entity)
    {
        entity.Property(e => e.Id).ValueGeneratedNever();
        entity.Property(e => e.Title).HasMaxLength(160);
        entity.Property(e => e.Venue).HasMaxLength(200);
        entity.Property(e => e.TimeZone).HasMaxLength(64);
        entity.Property(e => e.Version).IsConcurrencyToken();
        entity.Ignore(e => e.SeatsLeft);
        entity.OwnsMany(e => e.Fees, fee =>
        {
            fee.ToJson();
            fee.Property(f => f.Audience).HasConversion<WireNameConverter<Audience>>();
        });
        entity.HasMany(e => e.Sessions).WithOne().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        entity.Navigation(e => e.Sessions).UsePropertyAccessMode(PropertyAccessMode.Field);
        entity.ToTable(t =>
        {
            t.HasCheckConstraint("ck_events_seats", "confirmed_count >= 0 AND confirmed_count <= capacity");
            t.HasCheckConstraint("ck_events_instants",
                "registration_opens_at < early_bird_deadline AND early_bird_deadline <= registration_closes_at AND registration_closes_at <= starts_at AND starts_at < ends_at");
        });
    }
}
