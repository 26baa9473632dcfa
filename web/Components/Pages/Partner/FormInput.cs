using System.Globalization;
using MicroInternships.Web.Api;

namespace MicroInternships.Web.Components.Pages.Partner;

/// <summary>
/// What people type, turned into what the API takes: comma lists into terms, dollars into integer cents, and a
/// <c>datetime-local</c> wall time into an instant with the zone's offset.
/// </summary>
public static class FormInput
{
    public static IReadOnlyList<string> Terms(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string Join(IEnumerable<string> terms) => string.Join(", ", terms);

    /// <summary>Dollars with at most two decimals into cents; more decimals are an error to show, never rounded away.</summary>
    public static bool TryCents(string? dollars, out long cents)
    {
        cents = 0;
        var text = (dollars ?? "").Trim().TrimStart('$').Trim();
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            || amount < 0 || amount > 1_000_000_000m || decimal.Round(amount, 2) != amount)
        {
            return false;
        }

        cents = (long)(amount * 100m);
        return true;
    }

    public static string Dollars(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The wall time in the zone that a <c>datetime-local</c> input shows for an instant.</summary>
    public static DateTime LocalValue(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>A <c>datetime-local</c> wall time read in the zone; null with the reason when it names no instant.</summary>
    public static (DateTimeOffset? Instant, string? Error) Instant(DateTime? wallTime, TimeZoneInfo zone)
    {
        if (wallTime is not { } local)
        {
            return (null, "Enter a date and time.");
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return (null, "This time is skipped when the clocks move forward; choose another.");
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return (new DateTimeOffset(utc).ToOffset(zone.GetUtcOffset(utc)), null);
    }

    /// <summary>Input the page could not even send, shown the way the API's own validation errors are.</summary>
    public static ApiProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, null, "Some fields need attention.", "invalid_input", errors);

    public static string ZoneName(TimeZoneInfo zone) =>
        string.IsNullOrWhiteSpace(zone.StandardName) ? zone.Id : $"{zone.StandardName.Replace("Standard ", "", StringComparison.Ordinal)} ({zone.Id})";

    /// <summary>The ids an input's <c>aria-describedby</c> names: its hints, and its error message when there is one.</summary>
    public static string? DescribedBy(ApiProblem? problem, string field, string errorId, params string[] hintIds)
    {
        var ids = hintIds.ToList();
        if (problem?.For(field) is { Count: > 0 })
        {
            ids.Add(errorId);
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    /// <summary>"true" when the field has an error, else null so the attribute is left out.</summary>
    public static string? AriaInvalid(ApiProblem? problem, string field) => problem?.For(field) is { Count: > 0 } ? "true" : null;
}
