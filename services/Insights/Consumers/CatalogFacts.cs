using MicroInternships.Insights.Data;
using MicroInternships.Contracts.Listings;
using MicroInternships.Messaging;

namespace MicroInternships.Insights.Consumers;

// What Listings tells: organizations, courses and listings.

public sealed class OrganizationCreatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<OrganizationCreatedFact> logger) : FactConsumer<OrganizationCreated>(db, metrics, logger)
{
    protected override Task ApplyAsync(OrganizationCreated m, CancellationToken ct) => Db.UpsertAsync(m.Organization, m.OccurredAt, ct);
}

public sealed class OrganizationUpdatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<OrganizationUpdatedFact> logger) : FactConsumer<OrganizationUpdated>(db, metrics, logger)
{
    protected override Task ApplyAsync(OrganizationUpdated m, CancellationToken ct) => Db.UpsertAsync(m.Organization, m.OccurredAt, ct);
}

public sealed class CourseCreatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<CourseCreatedFact> logger) : FactConsumer<CourseCreated>(db, metrics, logger)
{
    protected override Task ApplyAsync(CourseCreated m, CancellationToken ct) => Db.UpsertAsync(m.Course, m.OccurredAt, ct);
}

public sealed class CourseUpdatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<CourseUpdatedFact> logger) : FactConsumer<CourseUpdated>(db, metrics, logger)
{
    protected override Task ApplyAsync(CourseUpdated m, CancellationToken ct) => Db.UpsertAsync(m.Course, m.OccurredAt, ct);
}

public sealed class ListingDraftedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ListingDraftedFact> logger) : FactConsumer<ListingDrafted>(db, metrics, logger)
{
    protected override Task ApplyAsync(ListingDrafted m, CancellationToken ct) => Db.UpsertAsync(m.Listing, null, m.OccurredAt, ct);
}

public sealed class ListingUpdatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ListingUpdatedFact> logger) : FactConsumer<ListingUpdated>(db, metrics, logger)
{
    protected override Task ApplyAsync(ListingUpdated m, CancellationToken ct) => Db.UpsertAsync(m.Listing, null, m.OccurredAt, ct);
}

public sealed class ListingPublishedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ListingPublishedFact> logger) : FactConsumer<ListingPublished>(db, metrics, logger)
{
    protected override Task ApplyAsync(ListingPublished m, CancellationToken ct) => Db.UpsertAsync(m.Listing, m.OccurredAt, m.OccurredAt, ct);
}

public sealed class ListingClosedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ListingClosedFact> logger) : FactConsumer<ListingClosed>(db, metrics, logger)
{
    protected override Task ApplyAsync(ListingClosed m, CancellationToken ct) => Db.UpsertAsync(m.Listing, null, m.OccurredAt, ct);
}

public sealed class ListingCancelledFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ListingCancelledFact> logger) : FactConsumer<ListingCancelled>(db, metrics, logger)
{
    protected override Task ApplyAsync(ListingCancelled m, CancellationToken ct) => Db.UpsertAsync(m.Listing, null, m.OccurredAt, ct);
}
