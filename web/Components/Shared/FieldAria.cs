using MicroInternships.Web.Api;

namespace MicroInternships.Web.Components.Shared;

/// <summary>The <c>aria-invalid</c> and <c>aria-describedby</c> values of an input, from the problem its form met.</summary>
public static class FieldAria
{
    /// <summary>"true" while the problem names the field; null leaves the attribute out.</summary>
    public static string? Invalid(ApiProblem? problem, string field) => HasError(problem, field) ? "true" : null;

    /// <summary>The input's hint ids, then its error message's id while it has one; null when there is none.</summary>
    public static string? DescribedBy(ApiProblem? problem, string field, string errorId, params string[] hintIds)
    {
        string[] ids = HasError(problem, field) ? [.. hintIds, errorId] : hintIds;
        return ids.Length == 0 ? null : string.Join(' ', ids);
    }

    private static bool HasError(ApiProblem? problem, string field) => problem?.For(field) is { Count: > 0 };
}
