using MicroInternships.Payments.Data;
using MicroInternships.Payments.Domain;
using MicroInternships.Payments.Partner;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Payments.Apis;

public sealed record FundPayoutRequest(Guid? FundId);

public static class PayoutsApi
{
    public static IEndpointRouteBuilder MapPayoutsApi(this IEndpointRouteBuilder app)
    {
        var payouts = app.MapGroup("/payouts").WithTag("Payouts", "What each student is paid for completed work, as the payment partner reports it.").DescribeProblems();
        payouts.MapGet("/", ListAsync).WithName("ListPayouts").WithSummary("Payouts: all for coordinators (filter by status, organization), a student's own")
            .RequireAuthorization(RoleRules.PayoutReaders.Policy);
        payouts.MapGet("/summary", PayoutSummaryApi.GetAsync).WithName("PayoutSummary").WithSummary("Counts and sums per status and per fund")
            .RequireAuthorization(RoleRules.Coordinators.Policy);
        payouts.MapGet("/{id:guid}", GetAsync).WithName("GetPayout").WithSummary("One payout, with its attempts")
            .Refuses(RuleKind.NotFound, "payout_not_found");
        payouts.MapPost("/{id:guid}/retry", RetryAsync).WithName("RetryPayout")
            .WithSummary("Send a failed payout again, as a new attempt (coordinators)")
            .Refuses(RoleRules.Coordinators)
            .Refuses(RuleKind.NotFound, "payout_not_found")
            .Refuses(RuleKind.Conflict, "payout_not_failed");
        payouts.MapPost("/{id:guid}/fund", FundAsync).WithName("FundPayout")
            .WithSummary("Pay an on-hold payout from a fund that covers it (coordinators)")
            .Refuses(RoleRules.Coordinators)
            .Refuses(RuleKind.NotFound, "payout_not_found")
            .Refuses(RuleKind.Conflict, "fund_insufficient", "payout_not_on_hold");
        return app;
    }

    public static async Task<Ok<Page<PayoutDto>>> ListAsync(
        string? status, Guid? organizationId, int? limit, string? cursor, Caller caller, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var filter = EnumFilter.Parse<PayoutStatus>(status, "status");
        var payouts = Visible(db.Payouts.AsNoTracking(), caller);
        if (filter is not null)
        {
            payouts = payouts.Where(p => p.Status == filter);
        }

        if (organizationId is not null)
        {
            payouts = payouts.Where(p => p.OrganizationId == organizationId);
        }

        return TypedResults.Ok(await payouts.ToPageAsync(limit, cursor, payout => payout.ToDto(caller), cancellationToken));
    }

    public static async Task<Ok<PayoutDto>> GetAsync(Guid id, Caller caller, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        return TypedResults.Ok((await Visible(db.Payouts.AsNoTracking(), caller).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw DomainRuleException.NotFound("payout")).ToDto(caller));
    }

    public static async Task<Ok<PayoutDto>> RetryAsync(
        Guid id, Caller caller, PaymentsDbContext db, PayoutSubmitter submitter, TimeProvider clock, IOptions<PaymentPartnerOptions> options,
        CancellationToken cancellationToken)
    {
        var attempt = await db.InTransactionAsync(async ct =>
        {
            var payout = await FindManagedAsync(db, id, caller, ct);
            var now = clock.GetUtcNow();
            payout.Retry(now);
            payout.Lease(now + options.Value.SubmitLease);
            return payout.Attempt;
        }, cancellationToken);
        return await SubmitNowAsync(id, attempt, caller, db, submitter, cancellationToken);
    }

    public static async Task<Ok<PayoutDto>> FundAsync(
        Guid id, FundPayoutRequest request, Caller caller, PaymentsDbContext db, Funding funding, PayoutSubmitter submitter, TimeProvider clock,
        IOptions<PaymentPartnerOptions> options, CancellationToken cancellationToken)
    {
        var attempt = await db.InTransactionAsync(async ct =>
        {
            var payout = await FindManagedAsync(db, id, caller, ct);
            var fundId = request.FundId ?? throw ValidationException.For("fundId", "fundId is required.");
            if (payout.Status != PayoutStatus.OnHold)
            {
                throw DomainRuleException.Conflict("payout_not_on_hold", "Only a payout on hold waits for a fund.");
            }

            var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fundId, ct);
            if (fund is null || fund.Currency != payout.Currency)
            {
                throw ValidationException.For("fundId", fund is null ? "fundId names no fund." : $"The fund pays in {fund.Currency}; the payout is in {payout.Currency}.");
            }

            if (!await funding.FundOnHoldAsync(payout, fundId, ct))
            {
                throw DomainRuleException.Conflict("fund_insufficient", "The fund cannot cover this payout; top it up or choose another.");
            }

            var now = clock.GetUtcNow();
            payout.Funded(fundId, now);
            payout.Lease(now + options.Value.SubmitLease);
            return payout.Attempt;
        }, cancellationToken);
        return await SubmitNowAsync(id, attempt, caller, db, submitter, cancellationToken);
    }

    /// <summary>
    /// Sends the payout right after its commit (leased, so the background submitter leaves it alone meanwhile), and
    /// answers with what the partner made of it; if the partner is unreachable, the submitter tries again later.
    /// </summary>
    private static async Task<Ok<PayoutDto>> SubmitNowAsync(
        Guid id, int attempt, Caller caller, PaymentsDbContext db, PayoutSubmitter submitter, CancellationToken cancellationToken)
    {
        await submitter.SubmitAsync(id, attempt, cancellationToken);
        db.ChangeTracker.Clear();
        return TypedResults.Ok((await db.Payouts.AsNoTracking().FirstAsync(p => p.Id == id, cancellationToken)).ToDto(caller));
    }

    /// <summary>The payout, locked; 404 to a caller who may not see it, 403 to one who sees it but is not a coordinator.</summary>
    private static async Task<Payout> FindManagedAsync(PaymentsDbContext db, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var payout = await db.LockAsync<Payout>(id, cancellationToken);
        if (payout is null || !(caller.IsCoordinator || (caller.IsStudent && payout.StudentId == caller.Id)))
        {
            throw DomainRuleException.NotFound("payout");
        }

        caller.Require(RoleRules.Coordinators);
        return payout;
    }

    private static IQueryable<Payout> Visible(IQueryable<Payout> payouts, Caller caller) => caller.Role switch
    {
        Roles.Coordinator => payouts,
        Roles.Student => payouts.Where(p => p.StudentId == caller.Id),
        _ => payouts.Where(_ => false),
    };
}
