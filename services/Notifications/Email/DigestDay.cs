namespace MicroInternships.Notifications.Email;

/// <summary>A day whose digest has been made: the row one replica writes to make it, and every other then finds.</summary>
public sealed class DigestDay
{
    private DigestDay()
    {
    }

    public DateOnly Day { get; private set; }

    public DateTimeOffset MadeAt { get; private set; }
}
