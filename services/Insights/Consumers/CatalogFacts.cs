using MicroInternships.Insights.Data;
using MicroInternships.Contracts.Listings;
using MicroInternships.Messaging;

namespace MicroInternships.Insights.Consumers;

// What Listings tells: organizations, courses and listings.

public sealed class OrganizationCreatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<OrganizationCreatedFact> logger) : FactConsumer<OrganizationCreated>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, OrganizationCreated m) => batch.Upsert(m.Organization, m.OccurredAt);
}

public sealed class OrganizationUpdatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<OrganizationUpdatedFact> logger) : FactConsumer<OrganizationUpdated>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, OrganizationUpdated m) => batch.Upsert(m.Organization, m.OccurredAt);
}

public sealed class CourseCreatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<CourseCreatedFact> logger) : FactConsumer<CourseCreated>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, CourseCreated m) => batch.Upsert(m.Course, m.OccurredAt);
}

public sealed class CourseUpdatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<CourseUpdatedFact> logger) : FactConsumer<CourseUpdated>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, CourseUpdated m) => batch.Upsert(m.Course, m.OccurredAt);
}

public sealed class ListingDraftedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ListingDraftedFact> logger) : FactConsumer<ListingDrafted>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, ListingDrafted m) => batch.Upsert(m.Listing, null, m.OccurredAt);
}

public sealed class ListingUpdatedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ListingUpdatedFact> logger) : FactConsumer<ListingUpdated>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, ListingUpdated m) => batch.Upsert(m.Listing, null, m.OccurredAt);
}

public sealed class ListingPublishedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ListingPublishedFact> logger) : FactConsumer<ListingPublished>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, ListingPublished m) => batch.Upsert(m.Listing, m.OccurredAt, m.OccurredAt);
}

public sealed class ListingClosedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ListingClosedFact> logger) : FactConsumer<ListingClosed>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, ListingClosed m) => batch.Upsert(m.Listing, null, m.OccurredAt);
}

public sealed class ListingCancelledFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<ListingCancelledFact> logger) : FactConsumer<ListingCancelled>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, ListingCancelled m) => batch.Upsert(m.Listing, null, m.OccurredAt);
}
