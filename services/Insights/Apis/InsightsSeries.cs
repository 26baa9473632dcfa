using MicroInternships.Insights.Domain;

namespace MicroInternships.Insights.Apis;

/// <summary>A measure by program week (Monday first), every week of the period present, and its total over the period.</summary>
public sealed record InsightsSeries(string Measure, string Interval, InsightsPeriod Period, InsightsFilters Filters, DateTimeOffset? AsOf,
    Figure Total, IReadOnlyList<SeriesPoint> Points);

public sealed record SeriesPoint(DateOnly WeekOf, Figure Value);

/// <summary>From application to completion, each stage with its share of the one before and of the applications.</summary>
public sealed record InsightsFunnel(InsightsPeriod Period, InsightsFilters Filters, DateTimeOffset? AsOf, Figure ListingsPublished,
    IReadOnlyList<FunnelStage> Stages);

public sealed record FunnelStage(string Stage, Figure Count, Figure FromPrevious, Figure FromApplications);
