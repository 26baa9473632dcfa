namespace MicroInternships.ServiceDefaults.OpenApi;

/// <summary>
/// A refusal as every service writes it: RFC 9457 problem details with the contract's machine-readable <c>code</c>,
/// the trace to quote to support, and, for invalid fields, what is wrong with each. The API description promises
/// this shape for every 4xx and 5xx answer; only the status and the code are always there.
/// </summary>
public sealed class ApiProblem
{
    public required int Status { get; init; }

    public required string Code { get; init; }

    public string? Title { get; init; }

    public string? Detail { get; init; }

    public string? Type { get; init; }

    public string? Instance { get; init; }

    public string? TraceId { get; init; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
