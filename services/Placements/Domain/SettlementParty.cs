namespace MicroInternships.Placements.Domain;

/// <summary>Who decided what a cancelled placement pays.</summary>
public enum SettlementParty
{
    /// <summary>The student cancelled with no hours logged: nothing was owed, nobody had to decide.</summary>
    Student,
    Partner,
    Coordinator,
}
