namespace MicroInternships.Insights.Domain;

/// <summary>
/// A figure as counted: its value and how many distinct students it covers (<see cref="Students"/> is null for a figure
/// about no student, such as listings published, which is never hidden).
/// </summary>
public readonly record struct Measured(decimal? Value, long? Students)
{
    public static Measured AboutNoStudent(decimal? value) => new(value, null);
}

/// <summary>A figure as shown: <see cref="Value"/> is null with <see cref="Suppressed"/> when it may not be shown to the caller.</summary>
public sealed record Figure(decimal? Value, bool Suppressed)
{
    public static Figure Hidden { get; } = new(null, true);
}
