using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MicroInternships.Messaging.Bench;

/// <summary>The baseline: MassTransit publishing straight to RabbitMQ and a consumer that does nothing.</summary>
internal static class BareLoop
{
    public static async Task<Measurement> MeasureAsync(BenchSettings settings)
    {
        var scenario = new Scenario();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(scenario);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter($"bench-bare-{Guid.NewGuid():N}"[..19], includeNamespace: false));
            bus.AddConsumer<BareTickConsumer>();
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => AutoDelete.Apply(endpoint));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(settings.Messaging));
                rabbit.PrefetchCount = settings.Prefetch;
                rabbit.ConfigureEndpoints(context);
            });
        });
        using var host = builder.Build();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBus>();
        await BusReady.WaitAsync(host.Services);

        // Warm-up (as the outbox paths: a drain, then the light rate unmeasured), then latency at the light rate,
        // then throughput with many publishes in flight.
        await PublishAllAsync(bus, scenario, 2_000);
        await PacedAsync(bus, scenario, settings);
        var latency = await PacedAsync(bus, scenario, settings);

        var cpuBefore = CpuTime.Now();
        var started = Stopwatch.GetTimestamp();
        await PublishAllAsync(bus, scenario, settings.Messages);
        var throughput = settings.Messages / Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = (CpuTime.Now() - cpuBefore).PerMessage(settings.Messages);
        var measurement = new Measurement(throughput, latency.Percentile(0.50), latency.Percentile(0.99), cpu);
        await host.StopAsync();
        return measurement;
    }

    private static async Task<Recorder> PacedAsync(IBus bus, Scenario scenario, BenchSettings settings)
    {
        var recorder = scenario.Recorder = new Recorder();
        recorder.Expect(settings.Rate * settings.Seconds);
        await Pace.RunAsync(settings.Rate, settings.Seconds, sequence => bus.Publish(new BareTick(sequence, Stopwatch.GetTimestamp())));
        await recorder.WhenAllConsumedAsync(TimeSpan.FromMinutes(2));
        return recorder;
    }

    private static async Task PublishAllAsync(IBus bus, Scenario scenario, int count)
    {
        scenario.Recorder = new Recorder();
        scenario.Recorder.Expect(count);
        using var inFlight = new SemaphoreSlim(512);
        var publishes = new List<Task>(count);
        for (var sequence = 0; sequence < count; sequence++)
        {
            await inFlight.WaitAsync();
            publishes.Add(Publish(sequence));
        }

        await Task.WhenAll(publishes);
        await scenario.Recorder.WhenAllConsumedAsync(TimeSpan.FromMinutes(5));

        async Task Publish(long sequence)
        {
            try
            {
                await bus.Publish(new BareTick(sequence, Stopwatch.GetTimestamp()));
            }
            finally
            {
                inFlight.Release();
            }
        }
    }
}

internal static class AutoDelete
{
    /// <summary>Queues named per run must go with the run, or later runs' messages pile up in them.</summary>
    public static void Apply(IReceiveEndpointConfigurator endpoint)
    {
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.AutoDelete = true;
        }
    }
}

internal static class BusReady
{
    public static async Task WaitAsync(IServiceProvider services)
    {
        var bus = services.GetRequiredService<IBusControl>();
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            await Task.Delay(50);
        }
    }
}
