using MicroInternships.Insights.Domain;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MicroInternships.Insights.Apis;

/// <summary><c>GET /api/public/figures</c>: no token needed (the gateway limits each address).</summary>
public static class PublicFiguresApi
{
    private static readonly InsightsScope _wholeProgramForVisitors = new(
        From: null, To: null, FromDay: null, ToDay: null, Term: null, Department: null, Discipline: null,
        OrganizationId: null, CourseId: null, FundId: null, Courses: null, SeesSmallCounts: false);

    public static IEndpointRouteBuilder MapPublicFiguresApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/public/figures", GetAsync)
            .ForVisitors()
            .DescribeProblems()
            .WithName("PublicFigures")
            .WithSummary("The program's reach since it began: students placed, dollars paid, partners, courses");
        return app;
    }

    public static async Task<Ok<PublicFigures>> GetAsync(Figures figures, CancellationToken cancellationToken) =>
        TypedResults.Ok(PublicFigures.Of(await figures.SummaryAsync(_wholeProgramForVisitors, cancellationToken)));
}
