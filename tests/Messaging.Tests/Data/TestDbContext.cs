using MicroInternships.Messaging;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Messaging.Tests.Data;

/// <summary>A service's database in miniature: one table of consumer effects, plus the outbox and inbox.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Effect> Effects => Set<Effect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Effect>().HasIndex(effect => effect.RunId);
    }
}

/// <summary>One application of a message by a consumer. No unique key on purpose: a double application shows as two rows.</summary>
public sealed class Effect
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string RunId { get; set; }

    public required string Key { get; set; }
}
