namespace MicroInternships.Listings.Jobs;

/// <summary>Section <c>Listings:Deadlines</c>: how often open listings are checked for a passed application deadline.</summary>
public sealed class DeadlineOptions
{
    public const string SectionName = "Listings:Deadlines";

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 100;
}
