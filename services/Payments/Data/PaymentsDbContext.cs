using MicroInternships.Messaging;
using MicroInternships.Payments.Domain;
using MicroInternships.ServiceDefaults.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Payments.Data;

public sealed class PaymentsDbContext(DbContextOptions<PaymentsDbContext> options) : DbContext(options)
{
    public DbSet<Payout> Payouts => Set<Payout>();

    public DbSet<Fund> Funds => Set<Fund>();

    public DbSet<FundAdjustment> FundAdjustments => Set<FundAdjustment>();

    public DbSet<FundReservation> FundReservations => Set<FundReservation>();

    public DbSet<ProcessedWebhook> ProcessedWebhooks => Set<ProcessedWebhook>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaymentsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotentRequests();
    }
}
