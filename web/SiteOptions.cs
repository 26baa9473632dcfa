namespace MicroInternships.Web;

/// <summary>The site's settings (<c>Site</c>).</summary>
public sealed class SiteOptions
{
    /// <summary>The IANA zone the program's own times (deadlines, placements) are shown in; events use their own.</summary>
    public string ProgramTimeZone { get; set; } = "America/Los_Angeles";
}
