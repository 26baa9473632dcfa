using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MicroInternships.Messaging.Recovery;

/// <summary>
/// Whether the broker answers a connection of its own. The bus's health says more than that (it is unhealthy while
/// any consumer endpoint is), so the relay asks this before it holds its rows back for an outage. An answer is
/// reused for <see cref="_reuseFor"/>, so relay workers polling through an outage open one connection between them.
/// </summary>
public sealed class BrokerReachability(string connectionString, string serviceName, TimeProvider clock)
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _reuseFor = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _probing = new(1, 1);
    private (bool Reachable, DateTimeOffset At)? _last;

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        await _probing.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && clock.GetUtcNow() - last.At < _reuseFor)
            {
                return last.Reachable;
            }

            var reachable = await ProbeAsync(cancellationToken);
            _last = (reachable, clock.GetUtcNow());
            return reachable;
        }
        finally
        {
            _probing.Release();
        }
    }

    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        var factory = BrokerTls.VerifiedFactory(new Uri(connectionString));
        factory.ClientProvidedName = $"{serviceName} reachability probe";
        factory.RequestedConnectionTimeout = _timeout;
        factory.AutomaticRecoveryEnabled = false;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            await using var connection = await factory.CreateConnectionAsync(timeout.Token);
            await connection.CloseAsync(timeout.Token);
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is BrokerUnreachableException or OperationInterruptedException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
