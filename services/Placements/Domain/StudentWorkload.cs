namespace MicroInternships.Placements.Domain;

/// <summary>
/// How many placements a student has in progress. The row is the lock that makes the workload guard hold under
/// concurrent accepts; <see cref="Data.Capacity"/> changes it only with conditional SQL.
/// </summary>
public sealed class StudentWorkload
{
    private StudentWorkload()
    {
    }

    public string StudentId { get; private set; } = "";

    public int ActivePlacements { get; private set; }
}
