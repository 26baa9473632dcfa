using System.Globalization;
using System.Text;

namespace MicroInternships.Messaging.Recovery;

/// <summary>What becomes of one message found in a consumer queue's <c>_error</c> queue.</summary>
public abstract record ErrorRedrive
{
    /// <summary>Counts a message's returns from <c>_error</c>, on the message itself, so any replica knows.</summary>
    public const string ReturnsHeader = "MI-Error-Returns";

    /// <summary>When MassTransit moved the message to <c>_error</c> (round-trip format).</summary>
    public const string FailedAtHeader = "MT-Fault-Timestamp";

    /// <summary>Its wait is over: back to its queue, as its <see cref="Return"/>th return.</summary>
    public sealed record Due(int Return) : ErrorRedrive;

    /// <summary>Still waiting out its backoff, until <see cref="DueAt"/>: it stays in <c>_error</c>.</summary>
    public sealed record Waiting(DateTimeOffset DueAt) : ErrorRedrive;

    /// <summary>It failed after every return it was allowed: a poison message, parked for a person.</summary>
    public sealed record Poison : ErrorRedrive;

    public static ErrorRedrive For(IDictionary<string, object?>? headers, DateTimeOffset now, MessagingOptions options)
    {
        var returns = ReturnsOf(headers);
        if (returns >= options.ErrorRedriveLimit)
        {
            return new Poison();
        }

        // A message without MassTransit's timestamp (moved here by hand) is due at once.
        var failedAt = FailedAtOf(headers) ?? DateTimeOffset.MinValue;
        var dueAt = failedAt == DateTimeOffset.MinValue ? failedAt : failedAt + Backoff(returns, options);
        return now >= dueAt ? new Due(returns + 1) : new Waiting(dueAt);
    }

    /// <summary>The wait before return number <paramref name="returns"/> + 1: the first delay, doubled per return so far, capped.</summary>
    public static TimeSpan Backoff(int returns, MessagingOptions options)
    {
        var doubled = options.ErrorRedriveFirstDelay * Math.Pow(2, Math.Min(returns, 30));
        return doubled < options.ErrorRedriveMaxDelay ? doubled : options.ErrorRedriveMaxDelay;
    }

    private static int ReturnsOf(IDictionary<string, object?>? headers) =>
        headers?.TryGetValue(ReturnsHeader, out var value) == true ? value switch
        {
            int count => count,
            long count => (int)count,
            byte[] text when int.TryParse(Encoding.UTF8.GetString(text), CultureInfo.InvariantCulture, out var count) => count,
            _ => 0,
        } : 0;

    private static DateTimeOffset? FailedAtOf(IDictionary<string, object?>? headers) =>
        headers?.TryGetValue(FailedAtHeader, out var value) == true
        && value is byte[] or string
        && DateTimeOffset.TryParse(value as string ?? Encoding.UTF8.GetString((byte[])value!), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var failedAt)
            ? failedAt
            : null;
}
