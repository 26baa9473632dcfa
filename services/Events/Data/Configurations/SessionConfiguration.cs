using MicroInternships.Events.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Events.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> session)
    {
        session.Property(s => s.Id).ValueGeneratedNever();
        session.Property(s => s.Title).HasMaxLength(160);
        session.Property(s => s.Room).HasMaxLength(120);
        session.Property(s => s.Kind).HasConversion<WireNameConverter<SessionKind>>().HasMaxLength(20);
        session.OwnsMany(s => s.Presenters, presenter =>
        {
            presenter.ToJson();
            presenter.Property(p => p.Role).HasConversion<WireNameConverter<Audience>>();
        });
        session.Ignore(s => s.PlacesLeft);
        session.HasIndex(s => new { s.EventId, s.StartsAt });
        session.ToTable(t => t.HasCheckConstraint("ck_sessions_places", "signed_up_count >= 0 AND (capacity IS NULL OR signed_up_count <= capacity)"));
    }
}
