using MicroInternships.Events.Domain;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Memberships;
using MicroInternships.ServiceDefaults.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Events.Data;

public sealed class EventsDbContext(DbContextOptions<EventsDbContext> options) : DbContext(options)
{
    public DbSet<Event> Events => Set<Event>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Registration> Registrations => Set<Registration>();

    public DbSet<Slot> Slots => Set<Slot>();

    public DbSet<TalkProposal> TalkProposals => Set<TalkProposal>();

    public DbSet<SessionSignup> SessionSignups => Set<SessionSignup>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("btree_gist");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EventsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox().AddMemberCopies();
        modelBuilder.AddIdempotentRequests();
    }
}
