namespace MicroInternships.Placements.Domain;

/// <summary>Hours a student worked on a placement on one day.</summary>
public sealed class TimeEntry
{
    private TimeEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid PlacementId { get; private set; }

    public DateOnly Date { get; private set; }

    public decimal Hours { get; private set; }

    public string Note { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static TimeEntry Create(Guid placementId, DateOnly date, decimal hours, string note, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), PlacementId = placementId, Date = date, Hours = hours, Note = note, CreatedAt = now };
}
