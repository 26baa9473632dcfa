namespace MicroInternships.ServiceDefaults.Idempotency;

/// <summary>
/// A caller's <c>Idempotency-Key</c> and what its first request answered, so a retry gets the same answer
/// instead of doing the work again. <see cref="CompletedAt"/> is null while the first request is running.
/// </summary>
public sealed class IdempotentRequest
{
    public string Caller { get; private set; } = "";

    public string Key { get; private set; } = "";

    public string RequestHash { get; private set; } = "";

    public int? ResponseStatus { get; private set; }

    public string? ResponseContentType { get; private set; }

    public string? ResponseLocation { get; private set; }

    public byte[]? ResponseBody { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }
}
