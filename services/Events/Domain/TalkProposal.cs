using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.Events.Domain;

/// <summary>
/// A registrant's proposal of a reflection talk for an event: <c>submitted -> accepted | declined</c>. Accepted, it is a
/// session of the agenda (<see cref="SessionId"/>) with the proposer as its presenter; declined, it carries the
/// coordinator's note for the proposer alone.
/// </summary>
public sealed class TalkProposal : ICreatedInOrder
{
    private TalkProposal()
    {
    }

    public Guid Id { get; private set; }

    public Guid EventId { get; private set; }

    public string ProposerId { get; private set; } = "";

    public string ProposerName { get; private set; } = "";

    public Audience ProposerRole { get; private set; }

    public string Title { get; private set; } = "";

    public string Abstract { get; private set; } = "";

    public TalkType Type { get; private set; }

    public Guid? CourseId { get; private set; }

    public ProposalStatus Status { get; private set; }

    public string? DecisionNote { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? SessionId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public long Version { get; private set; }

    public static TalkProposal Submit(
        Guid eventId, string proposerId, string proposerName, Audience proposerRole, string title, string @abstract, TalkType type, Guid? courseId,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        EventId = eventId,
        ProposerId = proposerId,
        ProposerName = proposerName,
        ProposerRole = proposerRole,
        Title = title,
        Abstract = @abstract,
        Type = type,
        CourseId = courseId,
        Status = ProposalStatus.Submitted,
        CreatedAt = now,
        Version = 1,
    };

    public Presenter Presenter => new(ProposerName, ProposerRole);

    public void Accept(Guid sessionId, string coordinator, DateTimeOffset now)
    {
        RequireSubmitted();
        (Status, SessionId, DecidedBy, DecidedAt) = (ProposalStatus.Accepted, sessionId, coordinator, now);
        Version++;
    }

    public void Decline(string? note, string coordinator, DateTimeOffset now)
    {
        RequireSubmitted();
        (Status, DecisionNote, DecidedBy, DecidedAt) = (ProposalStatus.Declined, note, coordinator, now);
        Version++;
    }

    private void RequireSubmitted()
    {
        if (Status != ProposalStatus.Submitted)
        {
            throw DomainRuleException.Conflict("proposal_decided", $"This proposal was already {WireName.Of(Status)}.");
        }
    }
}
