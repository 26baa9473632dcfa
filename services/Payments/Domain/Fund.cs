using MicroInternships.Contracts.Payments;
using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Payments.Domain;

/// <summary>
/// A grant or budget that pays for program-funded listings. <c>reserved + spent &lt;= budget</c> is a check
/// constraint, and reservations change the row only by conditional SQL (<see cref="Data.FundLedger"/>), so a fund
/// is never overdrawn, however many placements start at once.
/// </summary>
public sealed class Fund : ICreatedInOrder
{
    /// <summary>A billion dollars: no grant is larger, and sums of several funds' cents stay far from overflowing.</summary>
    public const long MaxBudgetCents = 100_000_000_000;

    private Fund()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string Currency { get; private set; } = "";

    public long BudgetCents { get; private set; }

    public long ReservedCents { get; private set; }

    public long SpentCents { get; private set; }

    public long AvailableCents => BudgetCents - ReservedCents - SpentCents;

    /// <summary>Grows with every movement of its money (<see cref="Data.FundLedger"/>), which <c>FundChanged</c> carries.</summary>
    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Fund Create(string name, long budgetCents, string currency, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), Name = name, BudgetCents = budgetCents, Currency = currency, Version = 1, CreatedAt = now };

    public FundSnapshot ToSnapshot() => new(Id, Version, Name, Currency, BudgetCents, ReservedCents, SpentCents, AvailableCents);
}
