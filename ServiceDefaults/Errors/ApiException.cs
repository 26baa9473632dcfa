namespace MicroInternships.ServiceDefaults.Errors;

/// <summary>
/// A refusal of the protocol rather than of a rule (a token the service cannot use, a stale <c>If-Match</c>), with its
/// status and stable <c>code</c>. Rules of the domain throw <see cref="DomainRuleException"/> instead.
/// </summary>
public sealed class ApiException(int statusCode, string code, string detail) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;
}
