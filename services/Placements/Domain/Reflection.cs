namespace MicroInternships.Placements.Domain;

/// <summary>What the student learned, or what the course's faculty member observed, written on a placement.</summary>
public sealed class Reflection
{
    private Reflection()
    {
    }

    public Guid Id { get; private set; }

    public Guid PlacementId { get; private set; }

    public string AuthorId { get; private set; } = "";

    public string AuthorName { get; private set; } = "";

    public string AuthorRole { get; private set; } = "";

    public string Text { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public ReflectionSharing Sharing { get; private set; }

    public long Version { get; private set; }

    public static Reflection Write(Guid placementId, string authorId, string authorName, string authorRole, string text, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        PlacementId = placementId,
        AuthorId = authorId,
        AuthorName = authorName,
        AuthorRole = authorRole,
        Text = text,
        CreatedAt = now,
        Sharing = ReflectionSharing.Private,
        Version = 1,
    };

    /// <returns>Whether this changed it: choosing what is already chosen changes nothing.</returns>
    public bool Share(ReflectionSharing sharing)
    {
        if (sharing == Sharing)
        {
            return false;
        }

        Sharing = sharing;
        Version++;
        return true;
    }
}
