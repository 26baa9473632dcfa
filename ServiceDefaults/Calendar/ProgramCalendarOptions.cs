namespace MicroInternships.ServiceDefaults.Calendar;

/// <summary>The program's calendar (section <c>Program</c>): the time zone its days, deadlines and reminders are counted in.</summary>
public sealed class ProgramCalendarOptions
{
    public const string SectionName = "Program";

    /// <summary>An IANA time zone id.</summary>
    public string TimeZone { get; set; } = "America/Los_Angeles";
}
