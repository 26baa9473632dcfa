namespace MicroInternships.Listings.Bench;

/// <summary>What students type, each with two filters: common words (thousands of matches to rank) and rarer ones.</summary>
internal sealed record SearchQuery(string Text, string? WorkMode, string? Discipline, int? MinHours, int? MaxHours)
{
    public string ApiPath =>
        $"/api/listings?q={Uri.EscapeDataString(Text)}" +
        (WorkMode is null ? "" : $"&workMode={WorkMode}") +
        (Discipline is null ? "" : $"&discipline={Uri.EscapeDataString(Discipline)}") +
        (MinHours is null ? "" : $"&minHours={MinHours}") +
        (MaxHours is null ? "" : $"&maxHours={MaxHours}");
}

internal static class SearchQueries
{
    public static IReadOnlyList<SearchQuery> All { get; } =
    [
        new("data analysis", "remote", null, 25, null),
        new("marketing campaign", "hybrid", "Marketing", null, null),
        new("customer survey", null, "Business Analytics", null, 30),
        new("patient outreach", "onsite", null, 30, null),
        new("dashboard", "remote", "Finance", null, null),
        new("grant nonprofit volunteer", null, null, 20, 35),
        new("report", "remote", null, null, 30),
        new("supply chain logistics", "hybrid", "Business Analytics", null, null),
    ];
}
