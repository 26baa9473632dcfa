namespace MicroInternships.Payments.Domain;

/// <summary>
/// What a placement holds on a fund: one row per placement (its key), so a repeated or late event never reserves,
/// releases or spends twice.
/// </summary>
public sealed class FundReservation
{
    private FundReservation()
    {
    }

    public Guid PlacementId { get; private set; }

    public Guid FundId { get; private set; }

    public long AmountCents { get; private set; }

    public ReservationStatus Status { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static FundReservation Reserved(Guid placementId, Guid fundId, long amountCents, DateTimeOffset now) =>
        new() { PlacementId = placementId, FundId = fundId, AmountCents = amountCents, Status = ReservationStatus.Reserved, UpdatedAt = now };

    public static FundReservation Refused(Guid placementId, Guid fundId, long amountCents, string reason, DateTimeOffset now) =>
        new() { PlacementId = placementId, FundId = fundId, AmountCents = amountCents, Status = ReservationStatus.Refused, Reason = reason, UpdatedAt = now };

    public static FundReservation Released(Guid placementId, Guid fundId, DateTimeOffset now) =>
        new() { PlacementId = placementId, FundId = fundId, Status = ReservationStatus.Released, UpdatedAt = now };

    public void MoveTo(ReservationStatus status, long amountCents, DateTimeOffset now)
    {
        Status = status;
        AmountCents = amountCents;
        UpdatedAt = now;
    }

    public void MoveTo(Guid fundId, ReservationStatus status, long amountCents, DateTimeOffset now)
    {
        FundId = fundId;
        MoveTo(status, amountCents, now);
    }
}
