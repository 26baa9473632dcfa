namespace MicroInternships.ServiceDefaults.Calendar;

/// <summary>
/// The program's calendar (section <c>Program</c>): the time zone its days, deadlines and reminders are counted in, and
/// its named terms, which courses name and the program's figures are counted by.
/// </summary>
public sealed class ProgramCalendarOptions
{
    public const string SectionName = "Program";

    /// <summary>An IANA time zone id.</summary>
    public string TimeZone { get; set; } = "America/Los_Angeles";

    /// <summary>Named date ranges that do not overlap, each name once.</summary>
    public List<ProgramTerm> Terms { get; set; } = [];

    public IEnumerable<string> TermProblems()
    {
        foreach (var term in Terms.Where(term => string.IsNullOrWhiteSpace(term.Name) || term.End < term.Start))
        {
            yield return $"the term '{term.Name}' needs a name and an end on or after its start";
        }

        foreach (var name in Terms.GroupBy(term => term.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            yield return $"the term '{name}' is named twice";
        }

        var ordered = Terms.OrderBy(term => term.Start).ToList();
        foreach (var (earlier, later) in ordered.Zip(ordered.Skip(1)).Where(pair => pair.Second.Start <= pair.First.End))
        {
            yield return $"the terms '{earlier.Name}' and '{later.Name}' overlap";
        }
    }
}
