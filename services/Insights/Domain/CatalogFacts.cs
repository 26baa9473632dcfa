namespace MicroInternships.Insights.Domain;

/// <summary>A partner organization, for its name in breakdowns (from <c>OrganizationCreated/Updated</c>).</summary>
public sealed class OrganizationFact
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>A course: its faculty member, term and department (from <c>CourseCreated/Updated</c>).</summary>
public sealed class CourseFact
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string FacultyId { get; set; } = "";

    public string Code { get; set; } = "";

    public string Title { get; set; } = "";

    public string Term { get; set; } = "";

    public string Department { get; set; } = "";

    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>A listing as its latest snapshot says, with the day it was first published (from every listing event).</summary>
public sealed class ListingFact
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid OrganizationId { get; set; }

    public string Status { get; set; } = "";

    public string Discipline { get; set; } = "";

    public int EstimatedHours { get; set; }

    public Guid? FundId { get; set; }

    public Guid[] CourseIds { get; set; } = [];

    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}
