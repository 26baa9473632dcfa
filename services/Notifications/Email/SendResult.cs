namespace MicroInternships.Notifications.Email;

/// <summary>How the mail server answered one email.</summary>
public abstract record SendResult
{
    private SendResult()
    {
    }

    /// <summary>The server took it: it is delivered or its to deliver.</summary>
    public sealed record Accepted : SendResult;

    /// <summary>No server, a broken connection, a 4xx, or our own sign-in or sender refused: try again later.</summary>
    public sealed record Transient(string Reason) : SendResult;

    /// <summary>A 5xx for this recipient or this message: sending it again would get the same answer.</summary>
    public sealed record Refused(string Reason) : SendResult;
}
