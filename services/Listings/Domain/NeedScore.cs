namespace MicroInternships.Listings.Domain;

/// <summary>
/// How well a course's open need fits a partner organization, from what its listings (current and past, all but
/// cancelled ones) ask for:
/// <code>score = 2 × (need's skills the listings name) + 3 × (a need's discipline is one of the listings') + 2 × (term starts within 60 days, or is under way)</code>
/// The skill and discipline points are the listing-to-course score's (<see cref="MatchScore"/>); a need sharing neither
/// is not a match at all, however soon its term. A term about to start outranks one months away at equal fit,
/// because the partner can still act on it; two shared skills outweigh that.
/// </summary>
public static class NeedScore
{
    public const int TermPoints = 2;

    public static readonly TimeSpan SoonWindow = TimeSpan.FromDays(60);

    public static DateOnly SoonBefore(DateOnly today) => today.AddDays((int)SoonWindow.TotalDays);

    /// <summary>The need's terms the organization's listings share, as the need spells them: skills, then disciplines.</summary>
    public static List<string> SharedTerms(CourseNeed need, IReadOnlySet<string> skillKeys, IReadOnlySet<string> disciplineKeys) =>
    [
        .. need.Skills.Where(s => skillKeys.Contains(Terms.Key(s))),
        .. need.Disciplines.Where(d => disciplineKeys.Contains(Terms.Key(d))),
    ];
}
