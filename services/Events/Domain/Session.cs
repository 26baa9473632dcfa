using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Events.Domain;

/// <summary>
/// One item of an event's agenda, with its presenters. With a <see cref="Capacity"/>, confirmed registrants sign up for
/// it: <see cref="SignedUpCount"/> never exceeds it (a check constraint), and sign-ups change it only with the
/// session's row locked. Without one, it is open to everyone at the event.
/// </summary>
public sealed class Session
{
    public const int MaxPresenters = 8;

    private Session()
    {
    }

    public Guid Id { get; private set; }

    public Guid EventId { get; private set; }

    public string Title { get; private set; } = "";

    public SessionKind Kind { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string? Room { get; private set; }

    public List<Presenter> Presenters { get; private set; } = [];

    public int? Capacity { get; private set; }

    public int SignedUpCount { get; private set; }

    /// <summary>The accepted talk proposal this session came from, if it did.</summary>
    public Guid? ProposalId { get; private set; }

    public int? PlacesLeft => Capacity - SignedUpCount;

    public static Session Create(
        Guid eventId, string title, SessionKind kind, DateTimeOffset startsAt, DateTimeOffset endsAt, string? room,
        IReadOnlyList<Presenter> presenters, int? capacity, Guid? proposalId = null) => new()
    {
        Id = Guid.CreateVersion7(),
        EventId = eventId,
        Title = title,
        Kind = kind,
        StartsAt = startsAt,
        EndsAt = endsAt,
        Room = room,
        Presenters = [.. presenters],
        Capacity = capacity,
        ProposalId = proposalId,
    };

    /// <summary>Takes a place, or 409 <c>session_full</c>; the caller holds the session's row lock.</summary>
    public void TakePlace()
    {
        if (Capacity is null)
        {
            throw DomainRuleException.Conflict("session_open_to_all", "This session has no places to sign up for: everyone at the event may come.");
        }

        if (SignedUpCount >= Capacity)
        {
            throw DomainRuleException.Conflict("session_full", $"All {Capacity} places of this session are taken.");
        }

        SignedUpCount++;
    }

    public void ReleasePlace() => SignedUpCount--;
}
