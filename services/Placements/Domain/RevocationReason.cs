namespace MicroInternships.Placements.Domain;

/// <summary>
/// Why a credential no longer stands. Coordinators choose one of the first four (with a note for the student, which
/// stays here); <see cref="Superseded"/> is the student's own name choice replacing it. Only the reason travels in events.
/// </summary>
public enum RevocationReason
{
    IssuedInError,
    Misconduct,
    StudentRequest,
    Other,
    Superseded,
}
