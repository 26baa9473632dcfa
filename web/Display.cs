using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;

namespace MicroInternships.Web;

/// <summary>How values read on the page: money from minor units, times in a zone with its name, wire enums in words.</summary>
public static class Display
{
    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-US");

    private static readonly ConcurrentDictionary<Enum, string> _wireNames = new();

    public static string Money(long? amountCents, string? currency = "USD")
    {
        var amount = (amountCents ?? 0) / 100m;
        return currency is null or "USD" ? amount.ToString("C", _english) : string.Create(_english, $"{amount:N2} {currency}");
    }

    public static string When(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        return string.Create(_english, $"{local:ddd d MMM yyyy, h:mm tt} {ZoneName(zone, local)}");
    }

    /// <summary>A moment the API may leave out reads as nothing.</summary>
    public static string When(DateTimeOffset? moment, TimeZoneInfo zone) => moment is { } known ? When(known, zone) : "";

    public static string Date(DateTimeOffset? moment, TimeZoneInfo zone) => moment is { } known ? Date(known, zone) : "";

    public static string Date(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("d MMM yyyy", _english);

    public static string Time(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("h:mm tt", _english);

    public static string Hours(decimal? hours) =>
        (hours ?? 0) is var known ? known.ToString("0.##", _english) + (known == 1 ? " hour" : " hours") : "";

    /// <summary><c>revision_requested</c> reads "Revision requested".</summary>
    public static string Words(string? wireName) =>
        string.IsNullOrEmpty(wireName) ? "" : char.ToUpperInvariant(wireName[0]) + wireName[1..].Replace('_', ' ');

    /// <summary><c>RevisionRequested</c> reads "Revision requested", from its wire name.</summary>
    public static string Words(Enum? value) => Words(Wire(value));

    /// <summary>The name the API gives an enum value (<c>revision_requested</c>), as the generated client declares it.</summary>
    public static string Wire(Enum? value) => value is null
        ? ""
        : _wireNames.GetOrAdd(value, member =>
            member.GetType().GetField(member.ToString())?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? member.ToString());

    private static string ZoneName(TimeZoneInfo zone, DateTimeOffset local)
    {
        if (zone == TimeZoneInfo.Utc)
        {
            return "UTC";
        }

        var name = zone.IsDaylightSavingTime(local) ? zone.DaylightName : zone.StandardName;
        return string.IsNullOrWhiteSpace(name) ? zone.Id : name;
    }
}
