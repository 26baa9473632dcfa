using System.Globalization;

namespace MicroInternships.Web.Components.Shared;

/// <summary>
/// What a <c>datetime-local</c> input holds (a wall time, no offset) read in a time zone as an instant with the offset
/// the zone has at that moment, and an instant shown back as that zone's wall time.
/// </summary>
public static class WallTime
{
    public const string InputFormat = "yyyy-MM-ddTHH:mm";

    private static readonly string[] _formats = [InputFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.fff"];

    /// <returns>Null when the input names a moment that exists in the zone; otherwise what is wrong with it.</returns>
    public static string? TryRead(string? input, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            return "Enter a date and time.";
        }

        if (!DateTime.TryParseExact(input.Trim(), _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return "Enter a date and time, e.g. 2025-01-16 08:30.";
        }

        return TryRead(wall, zone, out instant);
    }

    /// <summary>The same for an input bound to a <see cref="DateTime"/>.</summary>
    public static string? TryRead(DateTime? wallTime, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        if (wallTime is not { } value)
        {
            return "Enter a date and time.";
        }

        var wall = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            return $"This time does not exist in {zone.Id}: the clocks skip it.";
        }

        // A time the clocks repeat in autumn gets the zone's standard offset, as TimeZoneInfo reads it everywhere else.
        instant = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
        return null;
    }

    /// <summary>The instant as the zone's wall time, for an input bound to a <see cref="DateTime"/>.</summary>
    public static DateTime ToWall(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>The instant as the zone's wall time, in the text a <c>datetime-local</c> input holds.</summary>
    public static string ToInput(DateTimeOffset? instant, TimeZoneInfo zone) => instant is { } known ? ToInput(ToWall(known, zone)) : "";

    public static string ToInput(DateTime wall) => wall.ToString(InputFormat, CultureInfo.InvariantCulture);
}
