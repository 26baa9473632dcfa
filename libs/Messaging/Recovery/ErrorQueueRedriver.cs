using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace MicroInternships.Messaging.Recovery;

/// <summary>
/// Nothing waits for a person after an outage: a message that failed every in-process retry (a database or partner
/// down for longer than they take) sits in <c>{queue}_error</c> only until its backoff is over (<see cref="ErrorRedrive"/>),
/// then goes back to its queue, as many times as <see cref="MessagingOptions.ErrorRedriveLimit"/> allows. One that
/// still fails is a poison message: it is parked in <c>{queue}_parked</c> and counted (<c>consumer.parked</c>), which
/// alerts ops. A message is published to its new queue, confirmed, then acknowledged in <c>_error</c>: a crash between
/// the two leaves a copy, which the inbox skips. Replicas share the work: a message one of them holds is hidden from the
/// others. A queue is looked through again only when a message in it is due or new ones arrived.
/// </summary>
public sealed partial class ErrorQueueRedriver(
    ConsumerQueues queues, string connectionString, string serviceName, MessagingMetrics metrics, IOptions<MessagingOptions> options,
    TimeProvider clock, ILogger<ErrorQueueRedriver> logger)
    : PeriodicJob(clock, logger), IAsyncDisposable
{
    /// <summary>Messages looked at per <c>_error</c> queue and pass.</summary>
    public const int MaxPerPass = 500;

    private const ushort NotFound = 404;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly Dictionary<string, (uint Left, DateTimeOffset NextDueAt)> _lastPass = [];
    private IConnection? _connection;

    protected override TimeSpan Interval => options.Value.ErrorRedriveInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        foreach (var queue in queues.Names)
        {
            try
            {
                await RedriveAsync(connection, queue, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && connection.IsOpen)
            {
                // One queue the broker refuses (a precondition, a nack) must not stop the others being redriven.
                LogQueueFailed(queue, exception);
            }
        }
    }

    private async Task RedriveAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        var errorQueue = $"{queue}_error";
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        uint waiting;
        try
        {
            waiting = (await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == NotFound)
        {
            return; // MassTransit declares it with the first failure.
        }

        if (waiting == 0 || (_lastPass.TryGetValue(queue, out var last) && last.Left == waiting && Now < last.NextDueAt))
        {
            return; // Nothing arrived since the last pass and nothing it left is due yet.
        }

        var nextDueAt = DateTimeOffset.MaxValue;
        var left = 0u;
        for (var looked = 0; looked < Math.Min(waiting, MaxPerPass); looked++)
        {
            if (await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is not { } message)
            {
                break;
            }

            var properties = new BasicProperties(message.BasicProperties);
            var outcome = ErrorRedrive.For(properties.Headers, Now, options.Value);
            switch (outcome)
            {
                case ErrorRedrive.Due due:
                    properties.Headers ??= new Dictionary<string, object?>();
                    properties.Headers[ErrorRedrive.ReturnsHeader] = due.Return;
                    await channel.BasicPublishAsync(queue, "", mandatory: false, properties, message.Body, cancellationToken);
                    metrics.Redriven(queue);
                    break;
                case ErrorRedrive.Poison:
                    var parked = await DeclareParkedAsync(channel, queue, cancellationToken);
                    await channel.BasicPublishAsync(parked, "", mandatory: false, properties, message.Body, cancellationToken);
                    metrics.ParkedForGood(queue);
                    LogParked(queue, properties.MessageId, parked);
                    break;
                case ErrorRedrive.Waiting wait:
                    // To the back of _error rather than requeued: a quorum queue drops a message requeued too often.
                    await channel.BasicPublishAsync(errorQueue, "", mandatory: false, properties, message.Body, cancellationToken);
                    nextDueAt = wait.DueAt < nextDueAt ? wait.DueAt : nextDueAt;
                    left++;
                    break;
            }

            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
        }

        _lastPass[queue] = (left + (uint)Math.Max(0, waiting - MaxPerPass), waiting > MaxPerPass ? Now : nextDueAt);
    }

    /// <summary>Where a queue's poison messages wait for a person: <c>{queue}_parked</c>, laid out as MassTransit lays out <c>_error</c>.</summary>
    private static async Task<string> DeclareParkedAsync(IChannel channel, string queue, CancellationToken cancellationToken)
    {
        var parked = $"{queue}_parked";
        await channel.ExchangeDeclareAsync(parked, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(parked, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(parked, parked, routingKey: "", cancellationToken: cancellationToken);
        return parked;
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true })
            {
                return _connection;
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            var factory = BrokerTls.VerifiedFactory(new Uri(connectionString));
            factory.ClientProvidedName = $"{serviceName} error queue redriver";
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "Could not redrive {Queue}_error this pass; trying again at the next")]
    private partial void LogQueueFailed(string queue, Exception exception);

    [LoggerMessage(LogLevel.Error, "Message {MessageId} failed after every return from {Queue}_error and is parked in {Parked}; see docs/operations.md")]
    private partial void LogParked(string queue, string? messageId, string parked);
}
