using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Json;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Data;

/// <summary>
/// Every change of an application, announced from the one place all of them pass: the save that writes it. An
/// application changes in the API, in the time rules' sweeps and when its listing is cancelled; each change bumps its
/// version, and each saved version becomes one event in the same transaction, whichever code made it.
/// </summary>
internal static class ApplicationEvents
{
    public static void Announce(PlacementsDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries<Application>()
            .Where(entry => entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Property(a => a.Version).IsModified))
            .Select(entry => entry.Entity)
            .ToList();
        foreach (var application in changed)
        {
            db.AddIntegrationEvent(EventFor(application));
        }
    }

    private static object EventFor(Application application)
    {
        var snapshot = new ApplicationSnapshot(
            application.Id, application.Version, application.ListingId, application.OrganizationId, application.StudentId, application.StudentName,
            application.CourseId, WireName.Of(application.Status), application.AmountCents, application.Currency, application.EstimatedHours,
            application.SubmittedAt, application.OfferedAt, application.OfferExpiresAt, application.DecidedAt);
        var decidedAt = application.DecidedAt ?? application.CreatedAt;
        return application.Status switch
        {
            ApplicationStatus.Submitted => new ApplicationSubmitted(snapshot, application.CreatedAt),
            ApplicationStatus.Offered => new ApplicationOffered(snapshot, application.OfferedAt ?? application.CreatedAt),
            ApplicationStatus.Accepted => new ApplicationAccepted(snapshot, decidedAt),
            ApplicationStatus.Rejected => new ApplicationRejected(snapshot, decidedAt),
            ApplicationStatus.Declined => new ApplicationDeclined(snapshot, decidedAt),
            ApplicationStatus.Withdrawn => new ApplicationWithdrawn(snapshot, decidedAt),
            ApplicationStatus.Expired => new ApplicationExpired(snapshot, decidedAt),
            _ => throw new InvalidOperationException($"An application cannot be {application.Status}."),
        };
    }
}
