namespace MicroInternships.Listings.Domain;

/// <summary>
/// Skills and disciplines are compared by key: trimmed, lower case, inner whitespace collapsed, so "Data
/// Analysis" on a listing meets "data  analysis" on a course.
/// </summary>
public static class Terms
{
    public static string Key(string term) => string.Join(' ', term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The terms as given (trimmed), without repeats by key, in their first order.</summary>
    public static List<string> Distinct(IEnumerable<string>? terms) =>
        (terms ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).DistinctBy(Key).ToList();

    public static string[] Keys(IEnumerable<string> terms) => terms.Select(Key).Distinct().ToArray();
}
