using MicroInternships.Messaging;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Events.Data;

public sealed class EventsDbContext(DbContextOptions<EventsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
