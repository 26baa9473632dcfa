namespace MicroInternships.Placements.Domain;

public enum PlacementStatus
{
    Active,
    Submitted,
    RevisionRequested,
    Completed,
    Cancelled,
}
