using MassTransit;
using MicroInternships.Contracts.Replay;
using MicroInternships.Messaging.Health;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Messaging.Recovery;
using MicroInternships.Messaging.Replay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroInternships.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "messaging";

    /// <summary>
    /// MassTransit over RabbitMQ (connection string <c>messaging</c>) with <typeparamref name="TContext"/>'s outbox relay
    /// as the only publisher. Queues are named <c>{service}-{consumer}</c> in kebab case, so each service gets its own
    /// copy of every event; consumers retry in process (<see cref="MessagingOptions.ConsumeRetryLimit"/>), a message
    /// that still fails goes to <c>{queue}_error</c> and back to its queue after a backoff (<see cref="ErrorQueueRedriver"/>).
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TContext>(this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configure = null)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} (the RabbitMQ URI) is not configured.");
        var section = builder.Configuration.GetSection(MessagingOptions.SectionName);
        var options = section.Get<MessagingOptions>() ?? new MessagingOptions();
        // A batch of none would leave the relay spinning and deliveries waiting for a leader that never comes: refuse to start.
        builder.Services.AddOptions<MessagingOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MessagingMetrics>();
        builder.Services.AddSingleton<InboxLines>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.AddHostedService<OutboxBacklogMonitor<TContext>>();
        builder.Services.AddHostedService<ReplayRunner<TContext>>();
        builder.Services.AddSingleton(new SubscribedEvent(typeof(ReplayRequested)));
        builder.Services.AddSingleton(services => new BrokerReachability(connectionString, serviceName, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ConsumerQueues>();
        builder.Services.AddHostedService(services => new ErrorQueueRedriver(
            services.GetRequiredService<ConsumerQueues>(), connectionString, serviceName, services.GetRequiredService<MessagingMetrics>(),
            services.GetRequiredService<IOptions<MessagingOptions>>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<ErrorQueueRedriver>>()));
        builder.Services.AddHealthChecks().AddCheck<OutboxBacklogHealthCheck<TContext>>(OutboxBacklogHealthCheck<TContext>.Name, HealthStatus.Degraded, [ServiceDefaultsExtensions.DegradesTag]);

        var endpointNames = new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(endpointNames);
            bus.AddBrokerRoundTripProbe(endpointNames);
            bus.AddInboxConsumer<ReplayRequestedConsumer<TContext>>().Endpoint(endpoint => endpoint.Name = $"{serviceName}-replay-requested");
            bus.AddConfigureEndpointsCallback((context, queue, endpoint) => Retry(endpoint, context, queue, options));
            configure?.Invoke(bus);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.ConfigureBrokerHost(new Uri(connectionString));
                rabbit.PrefetchCount = options.PrefetchCount;
                rabbit.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                rabbit.ConfigureEndpoints(context);

                // After ConfigureEndpoints, which would otherwise take these consumers off their own queues. A service
                // that takes its history in pages receives only pages there, each hundreds of events: a few in hand
                // (the page consumer's definition raises it to its batches), where single events want enough to fill every batch.
                var replaying = context.GetServices<ReplayingConsumer>().ToList();
                var paged = ReplayedPages.AreTakenBy(replaying);
                if (replaying.FirstOrDefault(c => c.TakesPages && !Attribute.IsDefined(c.ConsumerType, typeof(ExcludeFromConfigureEndpointsAttribute))) is { } strayPages)
                {
                    throw new InvalidOperationException(
                        $"{strayPages.ConsumerType.Name} takes replayed pages, which only reach the replay queue: mark it [ExcludeFromConfigureEndpoints].");
                }

                var onReplayQueue = replaying.Where(c => !paged || c.TakesPages).Select(c => c.ConsumerType).Distinct().ToList();
                if (onReplayQueue.Count > 0)
                {
                    var queue = ReplayExchange.QueueOf(serviceName);
                    rabbit.ReceiveEndpoint(queue, endpoint =>
                    {
                        endpoint.PrefetchCount = paged ? 1 : Math.Max(options.PrefetchCount, 4 * options.InboxBatchSize);
                        endpoint.ConcurrentMessageLimit = paged ? 1 : Math.Max(options.ConcurrentMessageLimit, 2 * options.InboxBatchSize);
                        endpoint.ConfigureConsumeTopology = false;
                        endpoint.Bind(ReplayExchange.For(serviceName));
                        Retry(endpoint, context, queue, options);
                        foreach (var consumer in onReplayQueue)
                        {
                            endpoint.ConfigureConsumer(context, consumer);
                        }
                    });
                }
            });
        });
        builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<HistoryBootstrap<TContext>>(services, serviceName));
        return builder;
    }

    /// <summary>In-process retries, then <c>_error</c>, from which <see cref="ErrorQueueRedriver"/> returns the message later.</summary>
    private static void Retry(IReceiveEndpointConfigurator endpoint, IRegistrationContext context, string queue, MessagingOptions options)
    {
        context.GetRequiredService<ConsumerQueues>().Add(queue);
        endpoint.UseMessageRetry(retry =>
        {
            retry.Exponential(options.ConsumeRetryLimit, options.ConsumeRetryMinInterval, options.ConsumeRetryMaxInterval, options.ConsumeRetryMinInterval);
            retry.ConnectRetryObserver(new ConsumerFailureObserver(context.GetRequiredService<MessagingMetrics>(), queue));
        });
    }

    /// <summary>
    /// Declares events of this service that other services subscribe to. RabbitMQ drops a message that no queue is bound
    /// for, which is what happens to an event published before its subscriber's first start (a new deployment, or a
    /// service's sample data loaded while the others are still starting). These are published as mandatory instead:
    /// RabbitMQ returns them, and the outbox keeps and retries them, with its backoff and attempts, until a subscriber's
    /// queue exists. Events nobody subscribes to yet are left out, or they would be retried until parked.
    /// </summary>
    public static IHostApplicationBuilder AddSubscribedEvents(this IHostApplicationBuilder builder, params Type[] eventTypes)
    {
        foreach (var eventType in eventTypes)
        {
            builder.Services.AddSingleton(new SubscribedEvent(eventType));
        }

        return builder;
    }
}
