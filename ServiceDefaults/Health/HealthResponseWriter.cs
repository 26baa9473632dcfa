using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.ServiceDefaults.Health;

/// <summary>The health endpoints' bodies. Nothing internal leaks: no exception, nor a description an exception wrote.</summary>
public static class HealthResponseWriter
{
    /// <summary><c>{"status": "...", "checks": {"name": "..."}}</c>: statuses only.</summary>
    public static Task WriteStatuses(HttpContext context, HealthReport report)
    {
        var body = new HealthStatuses(
            report.Status.ToString(),
            report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString()));
        return WriteAsync(context, body, HealthJsonContext.Default.HealthStatuses);
    }

    /// <summary>Each check's status, how long it took, what it says of itself (when it was not an exception) and its figures.</summary>
    public static Task WriteDetail(HttpContext context, HealthReport report)
    {
        var body = new HealthDetail(
            report.Status.ToString(),
            Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            report.Entries.ToDictionary(entry => entry.Key, entry => new HealthCheckDetail(
                entry.Value.Status.ToString(),
                Math.Round(entry.Value.Duration.TotalMilliseconds, 1),
                entry.Value.Exception is null ? entry.Value.Description : null,
                Figures(entry.Value.Data))));
        return WriteAsync(context, body, HealthJsonContext.Default.HealthDetail);
    }

    /// <summary>A check's plain figures; structures (MassTransit's endpoint list) are left out.</summary>
    private static Dictionary<string, object>? Figures(IReadOnlyDictionary<string, object> data)
    {
        var figures = data.Where(item => item.Value is string or bool or int or long or double).ToDictionary(item => item.Key, item => item.Value);
        return figures.Count > 0 ? figures : null;
    }

    private static Task WriteAsync<T>(HttpContext context, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, type, context.RequestAborted);
    }
}

public sealed record HealthStatuses(string Status, IReadOnlyDictionary<string, string> Checks);

public sealed record HealthDetail(string Status, double DurationMs, IReadOnlyDictionary<string, HealthCheckDetail> Checks);

public sealed record HealthCheckDetail(string Status, double DurationMs, string? Description, IReadOnlyDictionary<string, object>? Data);
