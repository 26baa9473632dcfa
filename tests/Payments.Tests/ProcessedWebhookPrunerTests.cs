using MicroInternships.Payments.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Payments.Tests;

[Collection(PaymentsCollection.Name)]
public sealed class ProcessedWebhookPrunerTests(PaymentsFactory factory)
{
    [Fact]
    public async Task WebhookIds_AreForgottenAfter30Days_AndKeptBefore()
    {
        var (old, recent) = ($"wh-old-{Guid.NewGuid():N}", $"wh-recent-{Guid.NewGuid():N}");
        await factory.Database.ScalarAsync<int>($"""
            INSERT INTO processed_webhooks (webhook_id, processed_at)
            VALUES ('{old}', now() - interval '31 days'), ('{recent}', now() - interval '29 days')
            RETURNING 1
            """);

        var forgotten = await factory.Services.GetRequiredService<ProcessedWebhookPruner>().PruneAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.True(forgotten >= 1);
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM processed_webhooks WHERE webhook_id = '{old}'"));
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM processed_webhooks WHERE webhook_id = '{recent}'"));
    }
}
