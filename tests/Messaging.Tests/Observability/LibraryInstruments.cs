namespace MicroInternships.Messaging.Tests.Observability;

/// <summary>
/// Instruments of the libraries ServiceDefaults exports (TelemetryExtensions: ASP.NET Core, HttpClient, the runtime,
/// MassTransit, Npgsql), with the name, unit and kind each creates in the versions Directory.Packages.props pins
/// (.NET 10, MassTransit 8.5, Npgsql 10), as a MeterListener sees them. YARP adds none: its counters are an
/// EventSource. Add one here only after seeing the library create it.
/// </summary>
public static class LibraryInstruments
{
    private const InstrumentKind Counter = InstrumentKind.Counter;
    private const InstrumentKind UpDown = InstrumentKind.UpDownCounter;
    private const InstrumentKind Histogram = InstrumentKind.Histogram;
    private const InstrumentKind ObservableCounter = InstrumentKind.ObservableCounter;
    private const InstrumentKind ObservableUpDown = InstrumentKind.ObservableUpDownCounter;
    private const InstrumentKind ObservableGauge = InstrumentKind.ObservableGauge;

    public static readonly IReadOnlyList<Instrument> All =
    [
        // ASP.NET Core: hosting, Kestrel, routing, rate limiting (AddAspNetCoreInstrumentation).
        new("Microsoft.AspNetCore.Hosting", "http.server.request.duration", "s", Histogram),
        new("Microsoft.AspNetCore.Hosting", "http.server.active_requests", "{request}", UpDown),
        new("Microsoft.AspNetCore.Server.Kestrel", "kestrel.active_connections", "{connection}", UpDown),
        new("Microsoft.AspNetCore.Server.Kestrel", "kestrel.connection.duration", "s", Histogram),
        new("Microsoft.AspNetCore.Server.Kestrel", "kestrel.queued_connections", "{connection}", UpDown),
        new("Microsoft.AspNetCore.Server.Kestrel", "kestrel.queued_requests", "{request}", UpDown),
        new("Microsoft.AspNetCore.Server.Kestrel", "kestrel.rejected_connections", "{connection}", Counter),
        new("Microsoft.AspNetCore.Server.Kestrel", "kestrel.upgraded_connections", "{connection}", UpDown),
        new("Microsoft.AspNetCore.Routing", "aspnetcore.routing.match_attempts", "{match_attempt}", Counter),
        new("Microsoft.AspNetCore.RateLimiting", "aspnetcore.rate_limiting.requests", "{request}", Counter),
        new("Microsoft.AspNetCore.RateLimiting", "aspnetcore.rate_limiting.active_request_leases", "{request}", UpDown),
        new("Microsoft.AspNetCore.RateLimiting", "aspnetcore.rate_limiting.queued_requests", "{request}", UpDown),
        new("Microsoft.AspNetCore.RateLimiting", "aspnetcore.rate_limiting.request_lease.duration", "s", Histogram),
        new("Microsoft.AspNetCore.RateLimiting", "aspnetcore.rate_limiting.request.time_in_queue", "s", Histogram),

        // HttpClient (AddHttpClientInstrumentation).
        new("System.Net.Http", "http.client.request.duration", "s", Histogram),
        new("System.Net.Http", "http.client.active_requests", "{request}", UpDown),
        new("System.Net.Http", "http.client.open_connections", "{connection}", UpDown),
        new("System.Net.Http", "http.client.connection.duration", "s", Histogram),
        new("System.Net.Http", "http.client.request.time_in_queue", "s", Histogram),

        // The runtime (AddRuntimeInstrumentation turns on the built-in System.Runtime meter on .NET 9 and later). Some
        // counts are observable counters, so their series end in _total.
        new("System.Runtime", "dotnet.gc.collections", "{collection}", ObservableCounter),
        new("System.Runtime", "dotnet.gc.heap.total_allocated", "By", ObservableCounter),
        new("System.Runtime", "dotnet.gc.last_collection.heap.size", "By", ObservableUpDown),
        new("System.Runtime", "dotnet.gc.last_collection.heap.fragmentation.size", "By", ObservableUpDown),
        new("System.Runtime", "dotnet.gc.last_collection.memory.committed_size", "By", ObservableUpDown),
        new("System.Runtime", "dotnet.gc.pause.time", "s", ObservableCounter),
        new("System.Runtime", "dotnet.process.memory.working_set", "By", ObservableUpDown),
        new("System.Runtime", "dotnet.process.cpu.time", "s", ObservableCounter),
        new("System.Runtime", "dotnet.process.cpu.count", "{cpu}", ObservableUpDown),
        new("System.Runtime", "dotnet.thread_pool.thread.count", "{thread}", ObservableCounter),
        new("System.Runtime", "dotnet.thread_pool.queue.length", "{work_item}", ObservableCounter),
        new("System.Runtime", "dotnet.thread_pool.work_item.count", "{work_item}", ObservableCounter),
        new("System.Runtime", "dotnet.monitor.lock_contentions", "{contention}", ObservableCounter),
        new("System.Runtime", "dotnet.exceptions", "{exception}", Counter),
        new("System.Runtime", "dotnet.jit.compiled_il.size", "By", ObservableCounter),
        new("System.Runtime", "dotnet.jit.compiled_methods", "{method}", ObservableCounter),
        new("System.Runtime", "dotnet.jit.compilation.time", "s", ObservableCounter),
        new("System.Runtime", "dotnet.timer.count", "{timer}", ObservableUpDown),
        new("System.Runtime", "dotnet.assembly.count", "{assembly}", ObservableUpDown),

        // MassTransit: counts in the unit "ea" (hence _ea_total), durations in milliseconds.
        new("MassTransit", "messaging.masstransit.receive", "ea", Counter),
        new("MassTransit", "messaging.masstransit.receive.errors", "ea", Counter),
        new("MassTransit", "messaging.masstransit.receive.duration", "ms", Histogram),
        new("MassTransit", "messaging.masstransit.consume", "ea", Counter),
        new("MassTransit", "messaging.masstransit.consume.errors", "ea", Counter),
        new("MassTransit", "messaging.masstransit.consume.retries", "ea", Counter),
        new("MassTransit", "messaging.masstransit.consume.duration", "ms", Histogram),
        new("MassTransit", "messaging.masstransit.delivery.duration", "ms", Histogram),
        new("MassTransit", "messaging.masstransit.handler", "ea", Counter),
        new("MassTransit", "messaging.masstransit.handler.errors", "ea", Counter),
        new("MassTransit", "messaging.masstransit.handler.duration", "ms", Histogram),
        new("MassTransit", "messaging.masstransit.send", "ea", Counter),
        new("MassTransit", "messaging.masstransit.send.errors", "ea", Counter),

        // Npgsql.
        new("Npgsql", "db.client.operation.duration", "s", Histogram),
        new("Npgsql", "db.client.operation.failed", "{command}", Counter),
        new("Npgsql", "db.client.operation.npgsql.executing", "{command}", UpDown),
        new("Npgsql", "db.client.operation.npgsql.bytes_read", "By", Counter),
        new("Npgsql", "db.client.operation.npgsql.bytes_written", "By", Counter),
        new("Npgsql", "db.client.operation.npgsql.prepared_ratio", null, ObservableGauge),
        new("Npgsql", "db.client.connection.count", "{connection}", ObservableUpDown),
        new("Npgsql", "db.client.connection.max", "{connection}", ObservableUpDown),
        new("Npgsql", "db.client.connection.npgsql.pending_requests", "{request}", UpDown),
        new("Npgsql", "db.client.connection.npgsql.timeouts", "{timeout}", Counter),
        new("Npgsql", "db.client.connection.npgsql.create_time", "s", Histogram),
    ];
}
