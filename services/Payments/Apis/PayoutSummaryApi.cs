using MicroInternships.Payments.Data;
using MicroInternships.Payments.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Payments.Apis;

public sealed record StatusTotal(PayoutStatus Status, int Count, long AmountCents);

public sealed record FundTotal(Guid? FundId, string? FundName, int Count, long AmountCents, long PaidCents);

/// <summary>Counts and sums of payouts per status and per fund (null: paid from the program's general budget), plus flagged ones for ops.</summary>
public sealed record PayoutSummaryDto(IReadOnlyList<StatusTotal> ByStatus, IReadOnlyList<FundTotal> ByFund, int Flagged);

public static class PayoutSummaryApi
{
    public static async Task<Ok<PayoutSummaryDto>> GetAsync(PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var byStatus = await db.Payouts
            .GroupBy(p => p.Status)
            .Select(g => new StatusTotal(g.Key, g.Count(), g.Sum(p => p.AmountCents)))
            .ToListAsync(cancellationToken);
        var byFund = await db.Payouts
            .GroupBy(p => p.FundId)
            .Select(g => new
            {
                FundId = g.Key,
                Count = g.Count(),
                AmountCents = g.Sum(p => p.AmountCents),
                PaidCents = g.Sum(p => p.Status == PayoutStatus.Paid ? p.AmountCents : 0),
            })
            .ToListAsync(cancellationToken);
        var names = await db.Funds.ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        var flagged = await db.Payouts.CountAsync(p => p.Flagged, cancellationToken);
        return TypedResults.Ok(new PayoutSummaryDto(
            byStatus.OrderBy(s => s.Status).ToList(),
            byFund.Select(f => new FundTotal(f.FundId, f.FundId is { } id ? names.GetValueOrDefault(id) : null, f.Count, f.AmountCents, f.PaidCents)).ToList(),
            flagged));
    }
}
