using MicroInternships.Events.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Events.Apis;

/// <summary>The Institute as the public program site shows it, without a token (the gateway limits each address).</summary>
public static class PublicEventsApi
{
    public const int MaxUpcoming = 10;

    public static IEndpointRouteBuilder MapPublicEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/public/events")
            .ForVisitors()
            .DescribeProblems();
        events.MapGet("/", UpcomingAsync).WithName("UpcomingPublicEvents")
            .WithSummary($"Events not yet over, soonest first (at most {MaxUpcoming}), with their agendas");
        events.MapGet("/{id:guid}", GetAsync).WithName("GetPublicEvent").WithSummary("One event's dates, deadlines, fees and agenda")
            .Refuses(RuleKind.NotFound, "event_not_found");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<PublicEventDto>>> UpcomingAsync(EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var upcoming = await db.Events.AsNoTracking().Include(e => e.Sessions)
            .Where(e => e.EndsAt > now)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Take(MaxUpcoming)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PublicEventDto>>([.. upcoming.Select(PublicEventDto.Of)]);
    }

    public static async Task<Ok<PublicEventDto>> GetAsync(Guid id, EventsDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.Events.AsNoTracking().Include(e => e.Sessions).FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw DomainRuleException.NotFound("event");
        return TypedResults.Ok(PublicEventDto.Of(found));
    }
}
