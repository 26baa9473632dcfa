using System.Globalization;
using MicroInternships.ServiceDefaults.Calendar;

namespace MicroInternships.Notifications.Consumers;

/// <summary>How notifications write dates and money: in the program's time zone and in English, whatever the server's.</summary>
public sealed class Wording(ProgramCalendar calendar)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public string Day(DateTimeOffset instant) => calendar.DateOf(instant).ToString("dddd, MMMM d", English);

    public string Moment(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).ToString("MMMM d 'at' h:mm tt", English);

    public static string Moment(DateTimeOffset instant, string timeZone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).ToString("dddd, MMMM d 'at' h:mm tt", English);

    public static string Money(long cents, string currency) => $"{(cents / 100m).ToString("N2", English)} {currency}";
}
