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

    /// <summary>When the change this row last took happened; link events carry no version, so their time orders them.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    public static CourseLink Create(Guid courseId, Guid listingId) => new() { CourseId = courseId, ListingId = listingId, ChangedAt = DateTimeOffset.MinValue };

    public void Apply(bool linked, string facultyId, string facultyName, string courseCode, DateTimeOffset occurredAt)
    {
        if (occurredAt < ChangedAt)
        {
            return;
        }

        Linked = linked;
        FacultyId = facultyId;
        FacultyName = facultyName;
        CourseCode = courseCode;
        ChangedAt = occurredAt;
    }
}
