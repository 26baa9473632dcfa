namespace MicroInternships.Notifications.Domain;

/// <summary>A course's faculty member, for what happens in the course (kept from Listings' course events by version).</summary>
public sealed class CourseEntry
{
    private CourseEntry()
    {
    }

    public Guid Id { get; private set; }

    public long Version { get; private set; }

    public string FacultyId { get; private set; } = "";

    public string Code { get; private set; } = "";

    public static CourseEntry Create(Guid id) => new() { Id = id };

    public void Apply(long version, string facultyId, string code)
    {
        if (version > Version)
        {
            (Version, FacultyId, Code) = (version, facultyId, code);
        }
    }
}

/// <summary>What a placement is about, from its start (none of it changes afterwards).</summary>
public sealed class PlacementEntry(Guid id, Guid listingId, string studentId, string studentName, Guid organizationId, Guid? courseId)
{
    public Guid Id { get; private set; } = id;

    public Guid ListingId { get; private set; } = listingId;

    public string StudentId { get; private set; } = studentId;

    public string StudentName { get; private set; } = studentName;

    public Guid OrganizationId { get; private set; } = organizationId;

    public Guid? CourseId { get; private set; } = courseId;
}

/// <summary>An Institute event's title and start, for the reminder the day before (kept from Events' events by version).</summary>
public sealed class InstituteEntry
{
    private InstituteEntry()
    {
    }

    public Guid Id { get; private set; }

    public long Version { get; private set; }

    public string Title { get; private set; } = "";

    public string Venue { get; private set; } = "";

    public DateTimeOffset StartsAt { get; private set; }

    public string TimeZone { get; private set; } = "";

    public static InstituteEntry Create(Guid id) => new() { Id = id };

    /// <returns>Whether the snapshot was newer.</returns>
    public bool Apply(long version, string title, string venue, DateTimeOffset startsAt, string timeZone)
    {
        if (version <= Version)
        {
            return false;
        }

        (Version, Title, Venue, StartsAt, TimeZone) = (version, title, venue, startsAt, timeZone);
        return true;
    }
}

/// <summary>Whether a fund was below a tenth of its budget at its last known version, so coordinators hear when it crosses.</summary>
public sealed class FundEntry
{
    private FundEntry()
    {
    }

    public Guid Id { get; private set; }

    public long Version { get; private set; }

    public bool Low { get; private set; }

    public static FundEntry Create(Guid id) => new() { Id = id };

    public static bool IsLow(long availableCents, long budgetCents) => budgetCents > 0 && availableCents * 10 < budgetCents;

    /// <returns>Whether this newer level crossed from at or above a tenth to below it.</returns>
    public bool Apply(long version, long availableCents, long budgetCents)
    {
        if (version <= Version)
        {
            return false;
        }

        var wasLow = Low;
        (Version, Low) = (version, IsLow(availableCents, budgetCents));
        return Low && !wasLow;
    }
}
