namespace MicroInternships.Web.Components.Shared;

/// <summary>Lists typed as comma-separated terms ("data analysis, Excel") and shown back the same way.</summary>
public static class CommaTerms
{
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string Join(IEnumerable<string> terms) => string.Join(", ", terms);
}
