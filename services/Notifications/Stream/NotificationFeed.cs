using System.Collections.Concurrent;
using MicroInternships.Hosting;
using MicroInternships.Notifications.Domain;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MicroInternships.Notifications.Stream;

/// <summary>
/// This replica's ear on the notifications table: one connection <c>LISTEN</c>s on the channel the table's insert
/// trigger announces on at commit, whichever replica wrote, and each announcement wakes the open streams it is for.
/// After the connection is lost and back, every stream catches up from its last event, so nothing written in between
/// is missed.
/// </summary>
public sealed partial class NotificationFeed(IConfiguration configuration, IOptions<NotificationOptions> options, ILogger<NotificationFeed> logger)
    : BackgroundService
{
    public const string Channel = "notifications";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<FeedSubscription, byte> _subscriptions = new();

    public int OpenStreams => _subscriptions.Count;

    public FeedSubscription Subscribe(IReadOnlyCollection<Recipient> recipients)
    {
        var subscription = new FeedSubscription(recipients, this);
        _subscriptions[subscription] = 0;
        return subscription;
    }

    internal void Unsubscribe(FeedSubscription subscription) => _subscriptions.TryRemove(subscription, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(
            options.Value.ListenConnectionString is { Length: > 0 } own ? own : configuration.GetConnectionString(ResourceNames.NotificationsDb))
        {
            Pooling = false,
            KeepAlive = 30,
        }.ConnectionString;

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) => Announce(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                CatchUpAll();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenLost(exception);
                await Task.Delay(ReconnectDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Announce(string payload)
    {
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || !Guid.TryParse(parts[0], out var id) || !Enum.TryParse<RecipientKind>(parts[1], ignoreCase: true, out var kind))
        {
            return;
        }

        var recipient = new Recipient(kind, parts[2]);
        foreach (var subscription in _subscriptions.Keys)
        {
            if (subscription.IsFor(recipient))
            {
                subscription.Wake(id);
            }
        }
    }

    private void CatchUpAll()
    {
        foreach (var subscription in _subscriptions.Keys)
        {
            subscription.CatchUp();
        }
    }

    [LoggerMessage(LogLevel.Warning, "Lost the connection listening for new notifications; open streams catch up once it is back")]
    private partial void LogListenLost(Exception exception);
}
