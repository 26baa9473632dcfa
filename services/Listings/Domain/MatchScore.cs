namespace MicroInternships.Listings.Domain;

/// <summary>
/// How well a listing fits a course: <see cref="SkillPoints"/> for each skill both name, plus
/// <see cref="DisciplinePoints"/> when the listing's discipline is one of the course's. A shared discipline
/// outweighs one shared skill (it says the course's students can do the work at all); two skills outweigh it.
/// For a listing's courses, <see cref="OpenNeedPoints"/> more when the course has an open need the listing fits (shares
/// a skill or discipline with it, its term not over): a course asking for projects now ranks above one that is not,
/// at equal fit, and above one that fits by a single extra skill.
/// </summary>
public static class MatchScore
{
    public const int SkillPoints = 2;
    public const int DisciplinePoints = 3;
    public const int OpenNeedPoints = 4;

    /// <summary>The terms both sides name, as the listing spells them: its shared skills, then its discipline if shared.</summary>
    public static List<string> SharedTerms(Listing listing, Course course)
    {
        var courseSkills = course.SkillKeys.ToHashSet(StringComparer.Ordinal);
        var shared = listing.Skills.Where(s => courseSkills.Contains(Terms.Key(s))).ToList();
        if (course.DisciplineKeys.Contains(listing.DisciplineKey))
        {
            shared.Add(listing.Discipline);
        }

        return shared;
    }
}
