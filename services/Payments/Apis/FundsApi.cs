using MicroInternships.Payments.Data;
using MicroInternships.Payments.Domain;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Payments.Apis;

public sealed record FundRequest(string? Name, long? BudgetCents, string? Currency);

public sealed record AdjustmentRequest(long? AmountCents, string? Reason);

public sealed record FundDto(
    Guid Id, string Name, string Currency, long BudgetCents, long ReservedCents, long SpentCents, long AvailableCents, DateTimeOffset CreatedAt) : ICreatedInOrder;

public sealed record AdjustmentDto(Guid Id, Guid FundId, long AmountCents, string Reason, string AdjustedBy, DateTimeOffset CreatedAt, FundDto Fund);

/// <summary>Grants and budgets that pay for program-funded listings; coordinators only.</summary>
public static class FundsApi
{
    public static IEndpointRouteBuilder MapFundsApi(this IEndpointRouteBuilder app)
    {
        var funds = app.MapGroup("/funds").WithTag("Funds", "Grants and budgets that pay for program-funded listings (coordinators).").DescribeProblems();
        funds.MapPost("/", CreateAsync).WithName("CreateFund").WithSummary("A grant or budget that pays for program-funded listings")
            .RequireAuthorization(RoleRules.Coordinators.Policy);
        funds.MapGet("/", ListAsync).WithName("ListFunds").WithSummary("Funds, newest first, with what is reserved, spent and available")
            .RequireAuthorization(RoleRules.Coordinators.Policy);
        funds.MapGet("/{id:guid}", GetAsync).WithName("GetFund").WithSummary("One fund")
            .Refuses(RuleKind.NotFound, "fund_not_found");
        funds.MapPost("/{id:guid}/adjustments", AdjustAsync).WithName("AdjustFund")
            .WithSummary("Top a fund up, or reduce it (never below what is reserved and spent)")
            .Refuses(RuleKind.NotFound, "fund_not_found")
            .Refuses(RuleKind.Conflict, "fund_below_commitments", "fund_budget_limit");
        return app;
    }

    public static async Task<Created<FundDto>> CreateAsync(
        FundRequest request, PaymentsDbContext db, FundLedger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        new FieldErrors()
            .Length("name", request.Name, 1, 120)
            .When(request.BudgetCents is not (>= 0 and <= Fund.MaxBudgetCents), "budgetCents", "budgetCents must be 0 or more (integer cents).")
            .When(request.Currency != "USD", "currency", "currency must be USD.")
            .ThrowIfAny();
        var fund = Fund.Create(request.Name!.Trim(), request.BudgetCents!.Value, request.Currency!, clock.GetUtcNow());
        db.Funds.Add(fund);
        ledger.Opened(fund);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/funds/{fund.Id}", ToDto(fund));
    }

    public static async Task<Ok<Page<FundDto>>> ListAsync(int? limit, string? cursor, PaymentsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Funds.AsNoTracking().ToPageAsync(limit, cursor, ToDto, cancellationToken));

    /// <summary>Funds are the coordinators' business: to anyone else a fund does not exist (404).</summary>
    public static async Task<Ok<FundDto>> GetAsync(Guid id, Caller caller, PaymentsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToDto(caller.IsCoordinator
            ? await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken) ?? throw DomainRuleException.NotFound("fund")
            : throw DomainRuleException.NotFound("fund")));

    public static async Task<Created<AdjustmentDto>> AdjustAsync(
        Guid id, AdjustmentRequest request, Caller caller, PaymentsDbContext db, FundLedger ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!caller.IsCoordinator)
        {
            throw DomainRuleException.NotFound("fund");
        }

        new FieldErrors()
            .When(request.AmountCents is not (>= -Fund.MaxBudgetCents and <= Fund.MaxBudgetCents) || request.AmountCents == 0, "amountCents",
                "amountCents must be a non-zero number of cents (negative to reduce).")
            .Length("reason", request.Reason, 1, 500)
            .ThrowIfAny();
        var adjustment = await db.InTransactionAsync(async ct =>
        {
            if (!await db.Funds.AnyAsync(f => f.Id == id, ct))
            {
                throw DomainRuleException.NotFound("fund");
            }

            if (!await ledger.TryAdjustBudgetAsync(id, request.AmountCents!.Value, ct))
            {
                throw request.AmountCents > 0
                    ? DomainRuleException.Conflict("fund_budget_limit", $"A fund's budget cannot exceed {Fund.MaxBudgetCents} cents.")
                    : DomainRuleException.Conflict("fund_below_commitments", "A fund's budget cannot drop below what is reserved and spent.");
            }

            var adjustment = FundAdjustment.Record(id, request.AmountCents.Value, request.Reason!.Trim(), caller.Id, clock.GetUtcNow());
            db.FundAdjustments.Add(adjustment);
            return adjustment;
        }, cancellationToken);
        var fund = await db.Funds.AsNoTracking().FirstAsync(f => f.Id == id, cancellationToken);
        return TypedResults.Created($"/api/funds/{id}",
            new AdjustmentDto(adjustment.Id, id, adjustment.AmountCents, adjustment.Reason, adjustment.AdjustedBy, adjustment.CreatedAt, ToDto(fund)));
    }

    private static FundDto ToDto(Fund fund) =>
        new(fund.Id, fund.Name, fund.Currency, fund.BudgetCents, fund.ReservedCents, fund.SpentCents, fund.AvailableCents, fund.CreatedAt);
}
