namespace MicroInternships.Contracts.Events;

/// <summary>
/// A proposed reflection talk, without its title and abstract (the proposer's words stay in Events). <see cref="Type"/>
/// is <c>student_reflection</c>, <c>faculty_implementation</c> or <c>partner_assessment</c>; <see cref="Status"/>
/// <c>submitted</c>, <c>accepted</c> (then <see cref="SessionId"/> is its session) or <c>declined</c>.
/// </summary>
public sealed record TalkProposalSnapshot(
    Guid ProposalId, long Version, Guid EventId, string ProposerId, string ProposerRole, string Type, string Status, Guid? CourseId, Guid? SessionId);
