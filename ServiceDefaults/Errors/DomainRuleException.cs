namespace MicroInternships.ServiceDefaults.Errors;

/// <summary>What kind of refusal a rule makes. The API gives each its status (<see cref="ApiExceptionHandler"/>); rules never name one.</summary>
public enum RuleKind
{
    /// <summary>It does not exist, or the caller may not see it; the answer never says which.</summary>
    NotFound,

    /// <summary>The caller may see it but not do this to it.</summary>
    Forbidden,

    /// <summary>Not in the state this needs, or it would break what is already there.</summary>
    Conflict,

    /// <summary>The input breaks a rule, field by field.</summary>
    Invalid,
}

/// <summary>
/// A rule of the domain refusing a change, with the stable <c>code</c> the contract gives it. Entities and handlers
/// throw it, knowing nothing of HTTP; <see cref="ApiExceptionHandler"/> writes it as problem details.
/// </summary>
public class DomainRuleException(RuleKind kind, string code, string detail) : Exception(detail)
{
    public RuleKind Kind { get; } = kind;

    public string Code { get; } = code;

    public static DomainRuleException NotFound(string resource) =>
        new(RuleKind.NotFound, $"{resource}_not_found", $"No {resource.Replace('_', ' ')} with that id.");

    public static DomainRuleException Forbidden(string code, string detail) => new(RuleKind.Forbidden, code, detail);

    public static DomainRuleException Conflict(string code, string detail) => new(RuleKind.Conflict, code, detail);
}
