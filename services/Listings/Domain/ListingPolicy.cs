namespace MicroInternships.Listings.Domain;

/// <summary>
/// The program's rules for what a micro-internship may be (section <c>Listings:Policy</c>): its size in hours
/// and the least it may pay per estimated hour, so the effective rate never falls below the minimum wage.
/// </summary>
public sealed class ListingPolicy
{
    public const string SectionName = "Listings:Policy";

    public int MinHours { get; set; } = 20;

    public int MaxHours { get; set; } = 40;

    public long MinCentsPerHour { get; set; } = 1600;

    public string Currency { get; set; } = "USD";
}
