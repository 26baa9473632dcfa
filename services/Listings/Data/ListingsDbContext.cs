using MicroInternships.Messaging;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Data;

public sealed class ListingsDbContext(DbContextOptions<ListingsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
