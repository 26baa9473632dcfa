using MicroInternships.Payments.Data;
using MicroInternships.Payments.Domain;
using MicroInternships.Payments.Partner;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Payments.Apis;

public sealed record FundPayoutRequest(Guid? FundId);

public static class PayoutsApi
{
    public static IEndpointRouteBuilder MapPayoutsApi(this IEndpointRouteBuilder app)
    {
        var payouts = app.MapGroup("/api/payouts").WithTags("Payouts").ProducesProblem(StatusCodes.Status400BadRequest);
        payouts.MapGet("/", ListAsync).WithName("ListPayouts").WithSummary("Payouts: all for coordinators (filter by status, organization), a student's own");
        payouts.MapGet("/summary", PayoutSummaryApi.GetAsync).WithName("PayoutSummary").WithSummary("Counts and sums per status and per fund")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Coordinator));
        payouts.MapGet("/{id:guid}", GetAsync).WithName("GetPayout").WithSummary("One payout, with its attempts");
        payouts.MapPost("/{id:guid}/retry", RetryAsync).WithName("RetryPayout").WithSummary("Send a failed payout again, as a new attempt")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Coordinator));
        payouts.MapPost("/{id:guid}/fund", FundAsync).WithName("FundPayout").WithSummary("Pay an on-hold payout from a fund that covers it")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Coordinator));
        return app;
    }

    public static async Task<Ok<Page<PayoutDto>>> ListAsync(
        string? status, Guid? organizationId, int? limit, string? cursor, HttpContext http, PaymentsDbContext db, CancellationToken cancellationToken)
    {
        var caller = Caller.From(http.User);
        caller.Require("payouts_not_visible", "Payouts are for coordinators and, their own, for students.", Roles.Coordinator, Roles.Student);
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

        return TypedResults.Ok(await payouts.ToPageAsync(limit, cursor, PayoutMapping.ToDto, cancellationToken));
    }

    public static async Task<Ok<PayoutDto>> GetAsync(Guid id, HttpContext http, PaymentsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await Visible(db.Payouts.AsNoTracking(), Caller.From(http.User)).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw ApiException.NotFound("payout")).ToDto());

    public static async Task<Ok<PayoutDto>> RetryAsync(
        Guid id, PaymentsDbContext db, PayoutSubmitter submitter, TimeProvider clock, CancellationToken cancellationToken)
    {
        var attempt = await db.InTransactionAsync(async ct =>
        {
            var payout = await FindAsync(db, id, ct);
            payout.Retry(clock.GetUtcNow());
            return payout.Attempt;
        }, cancellationToken);
        return await SubmitNowAsync(id, attempt, db, submitter, cancellationToken);
    }

    public static async Task<Ok<PayoutDto>> FundAsync(
        Guid id, FundPayoutRequest request, PaymentsDbContext db, Funding funding, PayoutSubmitter submitter, TimeProvider clock, CancellationToken cancellationToken)
    {
        var fundId = request.FundId ?? throw ValidationException.For("fundId", "fundId is required.");
        var attempt = await db.InTransactionAsync(async ct =>
        {
            var payout = await FindAsync(db, id, ct);
            if (payout.Status != PayoutStatus.OnHold)
            {
                throw ApiException.Conflict("payout_not_on_hold", "Only a payout on hold waits for a fund.");
            }

            if (!await db.Funds.AnyAsync(f => f.Id == fundId, ct))
            {
                throw ValidationException.For("fundId", "fundId names no fund.");
            }

            if (!await funding.FundOnHoldAsync(payout, fundId, ct))
            {
                throw ApiException.Conflict("fund_insufficient", "The fund cannot cover this payout; top it up or choose another.");
            }

            payout.Funded(fundId, clock.GetUtcNow());
            return payout.Attempt;
        }, cancellationToken);
        return await SubmitNowAsync(id, attempt, db, submitter, cancellationToken);
    }

    /// <summary>Sends the payout right after its commit, so the answer already says <c>submitted</c>; if the partner is unreachable the submitter retries.</summary>
    private static async Task<Ok<PayoutDto>> SubmitNowAsync(Guid id, int attempt, PaymentsDbContext db, PayoutSubmitter submitter, CancellationToken cancellationToken)
    {
        await submitter.SubmitAsync(id, attempt, cancellationToken);
        db.ChangeTracker.Clear();
        return TypedResults.Ok((await db.Payouts.AsNoTracking().FirstAsync(p => p.Id == id, cancellationToken)).ToDto());
    }

    private static async Task<Payout> FindAsync(PaymentsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Payouts.FromSql($"SELECT * FROM payouts WHERE id = {id} FOR UPDATE").FirstOrDefaultAsync(cancellationToken)
        ?? throw ApiException.NotFound("payout");

    private static IQueryable<Payout> Visible(IQueryable<Payout> payouts, Caller caller) => caller.Role switch
    {
        Roles.Coordinator => payouts,
        Roles.Student => payouts.Where(p => p.StudentId == caller.Id),
        _ => payouts.Where(_ => false),
    };
}
