using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Placements.Apis;

public sealed record ApplicationDto(
    Guid Id,
    Guid ListingId,
    Guid OrganizationId,
    string StudentId,
    string StudentName,
    Guid? CourseId,
    string Pitch,
    ApplicationStatus Status,
    long? AmountCents,
    string? Currency,
    int? EstimatedHours,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? OfferedAt,
    DateTimeOffset? OfferExpiresAt,
    DateTimeOffset? DecidedAt,
    long Version) : IVersioned;

public static class ApplicationMapping
{
    public static ApplicationDto ToDto(this Application application) => new(
        application.Id,
        application.ListingId,
        application.OrganizationId,
        application.StudentId,
        application.StudentName,
        application.CourseId,
        application.Pitch,
        application.Status,
        application.AmountCents,
        application.Currency,
        application.EstimatedHours,
        application.SubmittedAt,
        application.OfferedAt,
        application.OfferExpiresAt,
        application.DecidedAt,
        application.Version);
}
