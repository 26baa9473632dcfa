namespace MicroInternships.Contracts.Events;

/// <summary>A registrant proposed a reflection talk for the event.</summary>
public sealed record TalkProposalSubmitted(TalkProposalSnapshot Proposal, DateTimeOffset OccurredAt);

/// <summary>A coordinator accepted the proposal: it is a session of the agenda (an <c>EventUpdated</c> comes with it).</summary>
public sealed record TalkProposalAccepted(TalkProposalSnapshot Proposal, DateTimeOffset OccurredAt);

/// <summary>A coordinator declined the proposal (their note is for the proposer alone and never travels).</summary>
public sealed record TalkProposalDeclined(TalkProposalSnapshot Proposal, DateTimeOffset OccurredAt);
