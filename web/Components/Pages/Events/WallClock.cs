using System.Globalization;
using MicroInternships.Clients.Events.Models;

namespace MicroInternships.Web.Components.Pages.Events;

/// <summary>
/// Times of an event shown in its own zone, and the zones events are held in; reading what a
/// <c>datetime-local</c> input holds is <c>WallTime</c>'s job.
/// </summary>
public static class WallClock
{
    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Zones the program holds events in; any IANA id the API knows would do.</summary>
    public static IReadOnlyList<(string Id, string Label)> Zones { get; } =
    [
        ("America/Los_Angeles", "Pacific Time (America/Los_Angeles)"),
        ("America/Denver", "Mountain Time (America/Denver)"),
        ("America/Phoenix", "Arizona (America/Phoenix)"),
        ("America/Chicago", "Central Time (America/Chicago)"),
        ("America/New_York", "Eastern Time (America/New_York)"),
        ("America/Anchorage", "Alaska (America/Anchorage)"),
        ("Pacific/Honolulu", "Hawaii (Pacific/Honolulu)"),
        ("Europe/London", "London (Europe/London)"),
    ];

    /// <summary>"Thu 16 Jan 2025, 8:30 AM – 4:00 PM", or both ends in full when they fall on different days (the zone is named once elsewhere).</summary>
    public static string Span(DateTimeOffset? start, DateTimeOffset? end, TimeZoneInfo zone)
    {
        if (start is null || end is null)
        {
            return "";
        }

        var (from, to) = (TimeZoneInfo.ConvertTime(start.Value, zone), TimeZoneInfo.ConvertTime(end.Value, zone));
        return from.Date == to.Date
            ? string.Create(_english, $"{from:ddd d MMM yyyy, h:mm tt} – {to:h:mm tt}")
            : string.Create(_english, $"{from:ddd d MMM yyyy, h:mm tt} – {to:ddd d MMM yyyy, h:mm tt}");
    }

    /// <summary>Hours of one day: "8:30 AM – 10:00 AM".</summary>
    public static string Hours(DateTimeOffset? start, DateTimeOffset? end, TimeZoneInfo zone) =>
        start is { } from && end is { } to ? $"{Display.Time(from, zone)} – {Display.Time(to, zone)}" : "";

    /// <summary>The day heading of an agenda: "Thursday 16 January 2025".</summary>
    public static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", _english);

    /// <summary>The day an instant falls on in a zone; the API always sends the times this is asked about.</summary>
    public static DateOnly DayOf(DateTimeOffset? instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant.GetValueOrDefault(), zone).DateTime);

    /// <summary>"America/Los_Angeles (Pacific Standard Time)": the zone an event's times are given in.</summary>
    public static string ZoneLabel(string? timeZone, TimeZoneInfo zone, DateTimeOffset? at)
    {
        timeZone ??= zone.Id;
        var local = TimeZoneInfo.ConvertTime(at.GetValueOrDefault(), zone);
        var name = zone.IsDaylightSavingTime(local) ? zone.DaylightName : zone.StandardName;
        return string.IsNullOrWhiteSpace(name) || name == timeZone ? timeZone : $"{timeZone} ({name})";
    }

    /// <summary>Whether registration is open at <paramref name="now"/>, the way the API decides it (both instants included).</summary>
    public static bool RegistrationOpen(EventDto happening, DateTimeOffset now) =>
        now >= happening.RegistrationOpensAt && now <= happening.RegistrationClosesAt;
}
