using MicroInternships.Contracts.Placements;

namespace MicroInternships.Placements.Domain;

/// <summary>
/// A student's public page of their credentials at <c>/portfolios/{slug}</c>, unpublished until they publish it. A
/// slug once taken stays the student's (<see cref="PortfolioSlug"/>), so a link never starts pointing at someone else.
/// </summary>
public sealed class Portfolio
{
    private Portfolio()
    {
    }

    public string StudentId { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public string Headline { get; private set; } = "";

    public bool Published { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public static Portfolio Start(string studentId) => new() { StudentId = studentId };

    /// <returns>False when nothing changed.</returns>
    public bool Change(string slug, string headline, bool published, DateTimeOffset now)
    {
        if (Version > 0 && Slug == slug && Headline == headline && Published == published)
        {
            return false;
        }

        (Slug, Headline, Published, UpdatedAt) = (slug, headline, published, now);
        Version++;
        return true;
    }

    public PortfolioSnapshot ToSnapshot() => new(StudentId, Version, Slug, Published);
}

/// <summary>What a portfolio's address and headline may be.</summary>
public static partial class PortfolioSlugs
{
    public const int MinLength = 3;

    public const int MaxLength = 40;

    public const int MaxHeadlineLength = 120;

    /// <summary>Lowercase letters, digits and single hyphens between them, as a URL segment needs no escaping.</summary>
    public static bool IsValid(string slug) => slug.Length is >= MinLength and <= MaxLength && Shape().IsMatch(slug);

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex Shape();
}

/// <summary>A slug some student has used: theirs for good.</summary>
public sealed class PortfolioSlug
{
    private PortfolioSlug()
    {
    }

    public string Slug { get; private set; } = "";

    public string StudentId { get; private set; } = "";

    public static PortfolioSlug Reserve(string slug, string studentId) => new() { Slug = slug, StudentId = studentId };
}
