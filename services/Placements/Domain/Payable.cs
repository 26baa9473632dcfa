namespace MicroInternships.Placements.Domain;

public static class Payable
{
    /// <summary>
    /// The share of <paramref name="amountCents"/> earned by <paramref name="loggedHours"/> of
    /// <paramref name="estimatedHours"/> (never more than the whole), rounded half up, in integer arithmetic:
    /// hours are counted in quarters, the unit time is logged in. Computed in 128 bits: no amount wraps, and the share never exceeds the amount.
    /// </summary>
    public static long ProRata(long amountCents, decimal loggedHours, int estimatedHours)
    {
        var estimatedQuarters = estimatedHours * 4L;
        var workedQuarters = Math.Min((long)decimal.Floor(loggedHours * 4), estimatedQuarters);
        return (long)(((Int128)2 * amountCents * workedQuarters + estimatedQuarters) / (2 * estimatedQuarters));
    }
}
