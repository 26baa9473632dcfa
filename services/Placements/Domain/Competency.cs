namespace MicroInternships.Placements.Domain;

/// <summary>The eight NACE career-readiness competencies a partner may endorse when approving work.</summary>
public enum Competency
{
    CareerAndSelfDevelopment,
    Communication,
    CriticalThinking,
    EquityAndInclusion,
    Leadership,
    Professionalism,
    Teamwork,
    Technology,
}

public static class Competencies
{
    public const int MaxEndorsed = 3;

    public const int MaxEvidenceLength = 300;

    public const string Framework = "NACE Career Readiness Competencies";

    public static readonly Uri FrameworkUrl = new("https://www.naceweb.org/career-readiness/competencies/career-readiness-defined");

    /// <summary>The competency's name as NACE writes it, for people and for the credential.</summary>
    public static string Title(this Competency competency) => competency switch
    {
        Competency.CareerAndSelfDevelopment => "Career & Self-Development",
        Competency.Communication => "Communication",
        Competency.CriticalThinking => "Critical Thinking",
        Competency.EquityAndInclusion => "Equity & Inclusion",
        Competency.Leadership => "Leadership",
        Competency.Professionalism => "Professionalism",
        Competency.Teamwork => "Teamwork",
        Competency.Technology => "Technology",
        _ => throw new ArgumentOutOfRangeException(nameof(competency)),
    };
}

/// <summary>A competency the partner saw in the work, with one sentence of evidence.</summary>
public sealed record Endorsement(Competency Competency, string Evidence);
