using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MicroInternships.Messaging.Bench.Data;

public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    public DbSet<Applied> Applied => Set<Applied>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}

/// <summary>The consumer's effect: one row per applied message, as a real consumer would write.</summary>
public sealed class Applied
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public long Sequence { get; set; }
}

internal sealed class BenchDesignTimeDbContextFactory : IDesignTimeDbContextFactory<BenchDbContext>
{
    public BenchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BenchDbContext>().UseNpgsql("Host=localhost;Database=bench").UseSnakeCaseNamingConvention().Options);
}
