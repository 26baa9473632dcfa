namespace MicroInternships.Placements.Domain;

/// <summary>The partner's rating and words, given with its approval.</summary>
public sealed record PartnerFeedback(int Rating, string Feedback, DateTimeOffset GivenAt);

/// <summary>The student's rating of the partner and the project.</summary>
public sealed record StudentFeedback(int Rating, string Comment, DateTimeOffset GivenAt);
