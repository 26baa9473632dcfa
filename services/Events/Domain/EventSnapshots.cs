using MicroInternships.Contracts.Events;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.Events.Domain;

public static class EventSnapshots
{
    /// <summary>Needs the event's sessions loaded.</summary>
    public static EventSnapshot ToSnapshot(this Event happening) => new(
        happening.Id,
        happening.Version,
        happening.Title,
        happening.Venue,
        happening.TimeZone,
        happening.StartsAt,
        happening.EndsAt,
        happening.Capacity,
        happening.RegistrationOpensAt,
        happening.EarlyBirdDeadline,
        happening.RegistrationClosesAt,
        [.. happening.Fees.Select(fee => new EventFeeSnapshot(WireName.Of(fee.Audience), fee.EarlyBirdCents, fee.RegularCents))],
        [.. happening.Sessions.OrderBy(s => s.StartsAt).Select(s => new EventSessionSnapshot(
            s.Id, s.Title, WireName.Of(s.Kind), s.StartsAt, s.EndsAt, s.Room,
            [.. s.Presenters.Select(p => new EventPresenterSnapshot(p.Name, WireName.Of(p.Role)))], s.Capacity))],
        happening.ProposalsCloseAt);

    public static SlotSnapshot ToSnapshot(this Slot slot) => new(
        slot.Id, slot.Version, slot.EventId, slot.PartnerId, slot.OrganizationId, slot.StartsAt, slot.EndsAt, slot.BookedBy, slot.BookedRegistrationId);

    /// <summary>Without the title and abstract.</summary>
    public static TalkProposalSnapshot ToSnapshot(this TalkProposal proposal) => new(
        proposal.Id, proposal.Version, proposal.EventId, proposal.ProposerId, WireName.Of(proposal.ProposerRole), WireName.Of(proposal.Type),
        WireName.Of(proposal.Status), proposal.CourseId, proposal.SessionId);

    public static SessionSignupSnapshot ToSnapshot(this SessionSignup signup) => new(
        signup.Id, signup.Version, signup.EventId, signup.SessionId, signup.RegistrationId, signup.AttendeeId, WireName.Of(signup.Status));
}
