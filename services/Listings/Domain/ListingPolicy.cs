namespace MicroInternships.Listings.Domain;

/// <summary>
/// The program's rules for what a micro-internship may be (section <c>Listings:Policy</c>): its size in hours
/// and what it may pay per estimated hour: at least the minimum wage, and at most a ceiling that keeps an amount
/// typed with too many zeros (or an attempt on a grant) from ever becoming a payout.
/// </summary>
public sealed class ListingPolicy
{
    public const string SectionName = "Listings:Policy";

    public int MinHours { get; set; } = 20;

    public int MaxHours { get; set; } = 40;

    public long MinCentsPerHour { get; set; } = 1600;

    public long MaxCentsPerHour { get; set; } = 10_000;

    public string Currency { get; set; } = "USD";
}
