using MicroInternships.Messaging;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Data;

public sealed class PlacementsDbContext(DbContextOptions<PlacementsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
