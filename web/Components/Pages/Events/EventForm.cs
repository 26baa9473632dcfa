using MicroInternships.Clients.Events.Models;
using MicroInternships.Web.Components.Shared;

namespace MicroInternships.Web.Components.Pages.Events;

/// <summary>What the new-event form holds, as typed: wall times in the chosen zone and fees in dollars.</summary>
public sealed class EventForm
{
    public static readonly IReadOnlyList<Audience> Audiences = [Audience.Student, Audience.Faculty, Audience.Partner];

    public static readonly IReadOnlyList<string> TimeFields = ["startsAt", "endsAt", "registrationOpensAt", "earlyBirdDeadline", "registrationClosesAt"];

    public string Title { get; set; } = "";

    public string Venue { get; set; } = "";

    public string TimeZone { get; set; } = "America/Los_Angeles";

    public string StartsAt { get; set; } = "";

    public string EndsAt { get; set; } = "";

    public string RegistrationOpensAt { get; set; } = "";

    public string EarlyBirdDeadline { get; set; } = "";

    public string RegistrationClosesAt { get; set; } = "";

    public int? Capacity { get; set; }

    /// <summary>Until when registrants propose reflection talks; empty: no call for proposals.</summary>
    public string ProposalsCloseAt { get; set; } = "";

    /// <summary>Dollars per audience, keyed by <see cref="FeeField"/>.</summary>
    public Dictionary<string, string> Fees { get; } = Audiences.SelectMany(a => new[] { FeeField(a, early: true), FeeField(a, early: false) }).ToDictionary(f => f, _ => "");

    public static string FeeField(Audience audience, bool early) => $"{Display.Wire(audience)}{(early ? "EarlyBird" : "Regular")}Fee";

    /// <summary>
    /// A schedule to start from, counted from the program's today: registration open since yesterday (so it is open
    /// in any zone), early bird for two weeks, closing after four, the event two days a week later.
    /// </summary>
    public static EventForm Suggested(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        return new EventForm
        {
            RegistrationOpensAt = WallTime.ToInput(today.AddDays(-1)),
            EarlyBirdDeadline = WallTime.ToInput(today.AddDays(14).AddHours(23).AddMinutes(59)),
            RegistrationClosesAt = WallTime.ToInput(today.AddDays(28).AddHours(23).AddMinutes(59)),
            StartsAt = WallTime.ToInput(today.AddDays(35).AddHours(8).AddMinutes(30)),
            EndsAt = WallTime.ToInput(today.AddDays(36).AddHours(16)),
        };
    }

    /// <returns>The request, or null with the fields the form could not read.</returns>
    public EventRequest? ToRequest(out Dictionary<string, string[]> errors)
    {
        errors = [];
        var zone = SiteClock.Zone(TimeZone);
        var instants = new Dictionary<string, DateTimeOffset>();
        foreach (var (field, text) in TimeFields.Zip([StartsAt, EndsAt, RegistrationOpensAt, EarlyBirdDeadline, RegistrationClosesAt]))
        {
            if (WallTime.TryRead(text, zone, out var instant) is { } error)
            {
                errors[field] = [error];
            }
            else
            {
                instants[field] = instant;
            }
        }

        DateTimeOffset? proposalsClose = null;
        if (ProposalsCloseAt.Trim().Length > 0)
        {
            if (WallTime.TryRead(ProposalsCloseAt, zone, out var instant) is { } error)
            {
                errors["proposalsCloseAt"] = [error];
            }
            else
            {
                proposalsClose = instant;
            }
        }

        var fees = new List<FeeRequest>();
        foreach (var audience in Audiences)
        {
            var earlyError = DollarInput.TryParseCents(Fees[FeeField(audience, early: true)], out var earlyCents, blankIsZero: true);
            var regularError = DollarInput.TryParseCents(Fees[FeeField(audience, early: false)], out var regularCents, blankIsZero: true);
            if (earlyError is not null)
            {
                errors[FeeField(audience, early: true)] = [earlyError];
            }

            if (regularError is not null)
            {
                errors[FeeField(audience, early: false)] = [regularError];
            }

            fees.Add(new FeeRequest { Audience = audience, EarlyBirdCents = earlyCents, RegularCents = regularCents });
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new EventRequest
        {
            Title = Title.Trim(),
            Venue = Venue.Trim(),
            TimeZone = TimeZone,
            StartsAt = instants["startsAt"],
            EndsAt = instants["endsAt"],
            Capacity = Capacity ?? 0,
            RegistrationOpensAt = instants["registrationOpensAt"],
            EarlyBirdDeadline = instants["earlyBirdDeadline"],
            RegistrationClosesAt = instants["registrationClosesAt"],
            Fees = fees,
            ProposalsCloseAt = proposalsClose,
        };
    }
}
