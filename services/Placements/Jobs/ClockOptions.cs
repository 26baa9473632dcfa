namespace MicroInternships.Placements.Jobs;

/// <summary>How often the time rules are applied (<c>Placements:Clock</c>), and how many placements one transaction approves.</summary>
public sealed class ClockOptions
{
    public const string SectionName = "Placements:Clock";

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 100;
}
