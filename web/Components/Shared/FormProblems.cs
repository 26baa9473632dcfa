using MicroInternships.Web.Api;

namespace MicroInternships.Web.Components.Shared;

/// <summary>Input a page could not send, shown next to its fields the same way as the API's own validation errors.</summary>
public static class FormProblems
{
    public const string SeeTheFields = "Some fields need a correction; see the messages next to them.";

    public static ApiProblem Invalid(IReadOnlyDictionary<string, string[]> errors, string detail = SeeTheFields) =>
        new(400, null, detail, "invalid_input", new Dictionary<string, string[]>(errors, StringComparer.OrdinalIgnoreCase));

    public static ApiProblem Field(string field, string message, string detail = SeeTheFields) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, detail);
}
