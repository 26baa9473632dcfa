using System.Diagnostics;
using MicroInternships.Events.Domain;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Events.Registrations;

/// <summary>Someone asking for a place at an event, as they arrived: who, in which audience, when, and in which request's trace.</summary>
public sealed record Applicant(string AttendeeId, string AttendeeName, Audience Audience, DateTimeOffset ArrivedAt, Activity? Request);

/// <summary>What became of one applicant: a registration (with its waitlist position while waiting), or the refusal.</summary>
public sealed record RegistrationOutcome(Registration? Registration, int? Position, DomainRuleException? Refusal);
