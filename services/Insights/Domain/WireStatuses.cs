namespace MicroInternships.Insights.Domain;

/// <summary>A payout's status as Payments' events name it (snake_case on the wire); the figures count by it.</summary>
public enum PayoutStatus
{
    Pending,
    Submitted,
    Paid,
    Failed,
    Returned,
    OnHold,
}

/// <summary>A registration's status as Events' events name it; the Institute's figures count by it.</summary>
public enum RegistrationStatus
{
    Confirmed,
    Waitlisted,
    CheckedIn,
    Cancelled,
}
