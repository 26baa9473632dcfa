using MicroInternships.Contracts.Events;
using MicroInternships.Events.Data;
using MicroInternships.Events.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Events.Apis;

public sealed record SignupDto(Guid Id, Guid EventId, Guid SessionId, SignupStatus Status, DateTimeOffset CreatedAt);

/// <summary>
/// Confirmed registrants sign up for sessions with a capacity. The registration is held (<c>FOR SHARE</c>) and then
/// the session's row locked while a place is taken, so concurrent sign-ups take the places one at a time and never one
/// more than the capacity (a check constraint backs it), and a cancellation of the registration (which locks it first)
/// cannot slip in between.
/// </summary>
public static class SignupsApi
{
    public static IEndpointRouteBuilder MapSignupsApi(this IEndpointRouteBuilder app)
    {
        var signups = app.MapGroup("/events/{eventId:guid}")
            .WithTag("Session sign-ups", "Confirmed registrants take a place in the sessions that have a capacity.")
            .DescribeProblems();
        signups.MapPost("/sessions/{sessionId:guid}/signups", SignUpAsync).WithName("SignUpForSession")
            .WithSummary("Take a place in a session (a confirmed registrant)")
            .Refuses(RuleKind.Forbidden, "not_confirmed_registrant")
            .Refuses(RuleKind.NotFound, "session_not_found")
            .Refuses(RuleKind.Conflict, "session_full", "session_open_to_all", "already_signed_up", "session_started");
        signups.MapDelete("/sessions/{sessionId:guid}/signups", WithdrawAsync).WithName("WithdrawFromSession")
            .WithSummary("Give your place in a session back")
            .Refuses(RuleKind.NotFound, "session_not_found", "signup_not_found");
        signups.MapGet("/signups/me", MineAsync).WithName("MySignups").WithSummary("The sessions of the event the caller has a place in");
        return app;
    }

    public static async Task<Created<SignupDto>> SignUpAsync(
        Guid eventId, Guid sessionId, Caller caller, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var signup = await db.InTransactionAsync(async ct =>
        {
            var registration = await db.Registrations
                .FromSql($"""
                    SELECT * FROM registrations
                    WHERE event_id = {eventId} AND attendee_id = {caller.Id} AND status IN ('confirmed', 'checked_in')
                    FOR SHARE
                    """)
                .AsNoTracking()
                .FirstOrDefaultAsync(ct)
                ?? throw DomainRuleException.Forbidden("not_confirmed_registrant", "Only people with a confirmed registration for the event sign up for its sessions.");
            var session = await LockSessionAsync(db, eventId, sessionId, ct);
            if (await db.SessionSignups.AnyAsync(s => s.SessionId == sessionId && s.AttendeeId == caller.Id && s.Status == SignupStatus.SignedUp, ct))
            {
                throw DomainRuleException.Conflict("already_signed_up", "You already have a place in this session.");
            }

            var now = clock.GetUtcNow();
            if (session.StartsAt <= now)
            {
                throw DomainRuleException.Conflict("session_started", "This session has already started.");
            }

            session.TakePlace();
            var signup = SessionSignup.Create(eventId, sessionId, registration.Id, caller.Id, now);
            db.SessionSignups.Add(signup);
            db.AddIntegrationEvent(new SessionSignedUp(signup.ToSnapshot(), now));
            await db.SaveChangesAsync(ct);
            return signup;
        }, cancellationToken);
        return TypedResults.Created($"/api/events/{eventId}/signups/me", signup.ToDto());
    }

    public static async Task<NoContent> WithdrawAsync(
        Guid eventId, Guid sessionId, Caller caller, EventsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await db.InTransactionAsync(async ct =>
        {
            var session = await LockSessionAsync(db, eventId, sessionId, ct);
            var signup = await db.SessionSignups.FirstOrDefaultAsync(s => s.SessionId == sessionId && s.AttendeeId == caller.Id && s.Status == SignupStatus.SignedUp, ct)
                ?? throw DomainRuleException.NotFound("signup");
            Release(db, session, signup, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<SignupDto>>> MineAsync(Guid eventId, Caller caller, EventsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.SessionSignups.AsNoTracking()
            .Where(s => s.EventId == eventId && s.AttendeeId == caller.Id && s.Status == SignupStatus.SignedUp)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new SignupDto(s.Id, s.EventId, s.SessionId, s.Status, s.CreatedAt))
            .ToListAsync(cancellationToken));

    /// <summary>Gives the place back; the caller holds the session's row lock.</summary>
    public static void Release(EventsDbContext db, Session session, SessionSignup signup, DateTimeOffset now)
    {
        signup.Withdraw(now);
        session.ReleasePlace();
        db.AddIntegrationEvent(new SessionSignupWithdrawn(signup.ToSnapshot(), now));
    }

    private static async Task<Session> LockSessionAsync(EventsDbContext db, Guid eventId, Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await db.LockAsync<Session>(sessionId, cancellationToken, RowLock.NoKeyUpdate);
        return session is not null && session.EventId == eventId ? session : throw DomainRuleException.NotFound("session");
    }

    private static SignupDto ToDto(this SessionSignup s) => new(s.Id, s.EventId, s.SessionId, s.Status, s.CreatedAt);
}
