using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MicroInternships.ServiceDefaults.Health;

/// <summary>Writes <c>{"status": "...", "checks": {"name": "..."}}</c>: statuses only, so nothing internal leaks.</summary>
public static class HealthResponseWriter
{
    public static Task WriteStatuses(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new HealthStatuses(
            report.Status.ToString(),
            report.Entries.ToDictionary(entry => entry.Key, entry => entry.Value.Status.ToString()));
        return JsonSerializer.SerializeAsync(context.Response.Body, body, HealthJsonContext.Default.HealthStatuses, context.RequestAborted);
    }
}

public sealed record HealthStatuses(string Status, IReadOnlyDictionary<string, string> Checks);
