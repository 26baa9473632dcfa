namespace MicroInternships.Placements.Domain;

/// <summary>Where the student's pay stands, as Payments reports it.</summary>
public enum PaymentStatus
{
    None,
    Pending,
    OnHold,
    Paid,
    Failed,
    Returned,
}
