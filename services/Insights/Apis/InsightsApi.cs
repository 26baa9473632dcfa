using MicroInternships.Insights.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MicroInternships.Insights.Apis;

public static class InsightsApi
{
    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        var insights = app.MapGroup("/insights")
            .WithTag("Insights", "What the program achieved, by term, department, course and partner; figures of fewer than five students are hidden from all but coordinators.")
            .RequireAuthorization(RoleRules.Readers.Policy)
            .DescribeProblems();
        insights.MapGet("/summary", SummaryAsync).WithName("InsightsSummary")
            .WithSummary("Reach, flow, money, work, the Institute and quality for a period and filters")
            .Refuses(RuleKind.Forbidden, "not_your_organization", "not_course_faculty");
        insights.MapGet("/series", SeriesAsync).WithName("InsightsSeries").WithSummary("One measure by program week, for charts")
            .Refuses(RuleKind.Forbidden, "not_your_organization", "not_course_faculty");
        insights.MapGet("/funnel", FunnelAsync).WithName("InsightsFunnel").WithSummary("Applications to offers to placements to completions, with each step's conversion")
            .Refuses(RuleKind.Forbidden, "not_your_organization", "not_course_faculty");
        insights.MapGet("/report.csv", CsvAsync).WithName("InsightsReportCsv").WithSummary("Every table of the summary as CSV, safe to open in a spreadsheet")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Refuses(RuleKind.Forbidden, "not_your_organization", "not_course_faculty");
        insights.MapGet("/report", ReportAsync).WithName("InsightsReport").WithSummary("A printable report of the summary, with charts, for a funder or a dean")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Refuses(RuleKind.Forbidden, "not_your_organization", "not_course_faculty");
        return app;
    }

    public static async Task<Ok<InsightsSummary>> SummaryAsync(
        [AsParameters] InsightsQuery query, Caller caller, InsightsScopes scopes, Figures figures, CancellationToken cancellationToken) =>
        TypedResults.Ok(await figures.SummaryAsync(await scopes.ResolveAsync(query, caller, cancellationToken), cancellationToken));

    public static async Task<Ok<InsightsSeries>> SeriesAsync(
        string? measure, string? interval, [AsParameters] InsightsQuery query, Caller caller, InsightsScopes scopes, Figures figures, CancellationToken cancellationToken)
    {
        new FieldErrors()
            .When(measure is null || !Figures.SeriesMeasures.Contains(measure), "measure", $"measure must be one of: {string.Join(", ", Figures.SeriesMeasures)}.")
            .When(interval is not (null or "week"), "interval", "interval must be week.")
            .ThrowIfAny();
        var scope = await scopes.ResolveAsync(query, caller, cancellationToken);
        return TypedResults.Ok(await figures.SeriesAsync(scope, measure!, cancellationToken));
    }

    public static async Task<Ok<InsightsFunnel>> FunnelAsync(
        [AsParameters] InsightsQuery query, Caller caller, InsightsScopes scopes, Figures figures, CancellationToken cancellationToken) =>
        TypedResults.Ok(await figures.FunnelAsync(await scopes.ResolveAsync(query, caller, cancellationToken), cancellationToken));

    public static async Task<IResult> CsvAsync(
        [AsParameters] InsightsQuery query, Caller caller, InsightsScopes scopes, Figures figures, CancellationToken cancellationToken)
    {
        var summary = await figures.SummaryAsync(await scopes.ResolveAsync(query, caller, cancellationToken), cancellationToken);
        return Results.File(await InsightsCsv.WriteAsync(summary), "text/csv; charset=utf-8", "program-insights.csv");
    }

    public static async Task<IResult> ReportAsync(
        [AsParameters] InsightsQuery query, Caller caller, InsightsScopes scopes, Figures figures, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query, caller, cancellationToken);
        var summary = await figures.SummaryAsync(scope, cancellationToken);
        var placements = await figures.SeriesAsync(scope, "placements_started", cancellationToken);
        var paid = await figures.SeriesAsync(scope, "paid_cents", cancellationToken);
        return Results.Content(InsightsReport.Html(summary, placements, paid), "text/html; charset=utf-8");
    }
}
