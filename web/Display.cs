using System.Globalization;

namespace MicroInternships.Web;

/// <summary>How values read on the page: money from minor units, times in a zone with its name, wire enums in words.</summary>
public static class Display
{
    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-US");

    public static string Money(long amountCents, string currency = "USD") =>
        currency == "USD"
            ? (amountCents / 100m).ToString("C", _english)
            : string.Create(_english, $"{amountCents / 100m:N2} {currency}");

    public static string When(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        return string.Create(_english, $"{local:ddd d MMM yyyy, h:mm tt} {ZoneName(zone, local)}");
    }

    public static string Date(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("d MMM yyyy", _english);

    public static string Time(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("h:mm tt", _english);

    public static string Hours(decimal hours) => hours.ToString("0.##", _english) + (hours == 1 ? " hour" : " hours");

    /// <summary><c>revision_requested</c> reads "Revision requested".</summary>
    public static string Words(string? wireName) =>
        string.IsNullOrEmpty(wireName) ? "" : char.ToUpperInvariant(wireName[0]) + wireName[1..].Replace('_', ' ');

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
