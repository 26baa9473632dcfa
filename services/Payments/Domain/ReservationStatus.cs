namespace MicroInternships.Payments.Domain;

public enum ReservationStatus
{
    Reserved,
    Refused,
    Released,
    Spent,
}
