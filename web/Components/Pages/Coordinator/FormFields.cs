using MicroInternships.Web.Api;

namespace MicroInternships.Web.Components.Pages.Coordinator;

/// <summary>How a form marks its inputs from a problem, and the problem a form raises itself before any call.</summary>
public static class FormFields
{
    /// <summary><c>"true"</c> for <c>aria-invalid</c> when the problem names the field; null leaves the attribute out.</summary>
    public static string? Invalid(ApiProblem? problem, string field) => problem?.For(field) is { Count: > 0 } ? "true" : null;

    /// <summary>The error message's id for <c>aria-describedby</c> when the field has one.</summary>
    public static string? DescribedBy(ApiProblem? problem, string field, string errorId) => Invalid(problem, field) is null ? null : errorId;

    /// <summary>Input the form could not read (a date, an amount), shown next to its fields like the API's own errors.</summary>
    public static ApiProblem InputProblem(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, null, "Some fields need a correction; see the messages next to them.", "invalid_input", errors);
}
