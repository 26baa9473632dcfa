namespace MicroInternships.ServiceDefaults.Errors;

/// <summary>Input that breaks a rule, answered as 400 with the message under each field's name.</summary>
public sealed class ValidationException(IDictionary<string, string[]> errors)
    : DomainRuleException(RuleKind.Invalid, "validation_failed", "One or more fields are invalid.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
