namespace MicroInternships.Payments.Domain;

public enum PayoutStatus
{
    Pending,
    Submitted,
    Paid,
    Failed,
    Returned,
    OnHold,
}
