namespace MicroInternships.Placements.Domain;

/// <summary>
/// A course that builds a listing in, from Listings' link events: whose students may apply through it, and which
/// faculty member follows them. A link that was removed stays as a row (not <see cref="Linked"/>), so the
/// faculty member still sees the placements that started through it.
/// </summary>
public sealed class CourseLink
{
    private CourseLink()
    {
    }

    public Guid CourseId { get; private set; }

    public Guid ListingId { get; private set; }

    public string FacultyId { get; private set; } = "";

    public string FacultyName { get; private set; } = "";

    public string CourseCode { get; private set; } = "";

    public bool Linked { get; private set; }

    /// <summary>The listing's version the change this row last took was made at; link events are ordered by it.</summary>
    public long Version { get; private set; }

    /// <summary>When the change this row last took happened; orders the link events published before they carried a version.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public static CourseLink Create(Guid courseId, Guid listingId) => new() { CourseId = courseId, ListingId = listingId, ChangedAt = DateTimeOffset.MinValue };

    /// <summary>Takes a link event newer than the last one taken; an older or equal one (a replay, a redelivery) changes nothing.</summary>
    public void Apply(bool linked, string facultyId, string facultyName, string courseCode, long version, DateTimeOffset occurredAt)
    {
        if ((version, occurredAt).CompareTo((Version, ChangedAt)) <= 0)
        {
            return;
        }

        Linked = linked;
        FacultyId = facultyId;
        FacultyName = facultyName;
        CourseCode = courseCode;
        Version = version;
        ChangedAt = occurredAt;
    }
}
