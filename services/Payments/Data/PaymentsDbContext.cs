using MicroInternships.Messaging;
using MicroInternships.Messaging.Memberships;
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

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PayoutEvents.Announce(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PayoutEvents.Announce(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaymentsDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox().AddMemberCopies();
        modelBuilder.AddIdempotentRequests();
    }
}
