using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.ServiceDefaults.Calendar;

public static class ProgramCalendarExtensions
{
    /// <summary>
    /// The program's calendar from <c>Program:TimeZone</c> and <c>Program:Terms</c>, checked at start: the services and
    /// the website count days and terms alike.
    /// </summary>
    public static IServiceCollection AddProgramCalendar(this IServiceCollection services)
    {
        services.AddOptions<ProgramCalendarOptions>()
            .BindConfiguration(ProgramCalendarOptions.SectionName)
            .Validate(calendar => TimeZoneInfo.TryFindSystemTimeZoneById(calendar.TimeZone, out _), "Program:TimeZone must be an IANA time zone id.")
            .Validate(calendar => !calendar.TermProblems().Any(), "Program:Terms must be named date ranges that do not overlap, each name once.")
            .ValidateOnStart();
        return services.AddSingleton<ProgramCalendar>();
    }
}
