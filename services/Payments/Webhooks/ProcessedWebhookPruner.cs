using MicroInternships.Payments.Data;
using MicroInternships.Payments.Partner;
using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Payments.Webhooks;

/// <summary>Forgets processed webhook ids older than <see cref="PaymentPartnerOptions.WebhookIdRetention"/>, hourly.</summary>
public sealed class ProcessedWebhookPruner(
    IServiceScopeFactory scopes, IOptions<PaymentPartnerOptions> options, TimeProvider clock, ILogger<ProcessedWebhookPruner> logger)
    : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => PruneAsync(Now, cancellationToken);

    /// <returns>How many ids were forgotten.</returns>
    public async Task<int> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var before = now - options.Value.WebhookIdRetention;
        return await db.Database.ExecuteSqlAsync($"DELETE FROM processed_webhooks WHERE processed_at < {before}", cancellationToken);
    }
}
