using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MicroInternships.ServiceDefaults.Telemetry;

/// <summary>
/// Counts every committed change of an entity's <c>Status</c> (meter <c>MicroInternships.State</c>): listings
/// published, applications offered, placements completed, payouts paid, registrations waitlisted... tagged with
/// the entity and the status it entered. Every status changes through its aggregate, tracked, and an interceptor
/// sees it; a bulk update of a status would go uncounted, so there is none.
/// </summary>
public sealed class StateTransitionMetrics
{
    public const string MeterName = "MicroInternships.State";

    private readonly Counter<long> _transitions;
    private readonly Counter<long> _amounts;

    public StateTransitionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _transitions = meter.CreateCounter<long>(
            "state.transitions", "{transition}", "Committed changes of an entity's status, by entity and the status it entered.");
        _amounts = meter.CreateCounter<long>(
            "state.transitions.amount", "{cent}", "Money moved by those changes (payouts): the entity's amount in cents, by entity and status.");
        Interceptor = new StatusChanges(this);
    }

    public IInterceptor Interceptor { get; }

    private void Saving(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (EnteredStatus(entry) is not { } status)
            {
                continue;
            }

            var tags = Tags(EntityName(entry.Metadata.ClrType), status);
            var amount = entry.Entity is IHasAmount money ? money.AmountCents : (long?)null;
            db.AfterCommit(() =>
            {
                _transitions.Add(1, tags);
                if (amount is { } cents)
                {
                    _amounts.Add(cents, tags);
                }
            });
        }
    }

    private static string? EnteredStatus(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified) || entry.Metadata.FindProperty("Status") is not { } property)
        {
            return null;
        }

        var status = entry.Property(property.Name);
        if (entry.State == EntityState.Modified && (!status.IsModified || Equals(status.OriginalValue, status.CurrentValue)))
        {
            return null;
        }

        return status.CurrentValue is Enum value ? JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()) : null;
    }

    private static string EntityName(Type type) => JsonNamingPolicy.SnakeCaseLower.ConvertName(type.Name);

    private static TagList Tags(string entity, string status) => new() { { "entity", entity }, { "status", status } };

    private sealed class StatusChanges(StateTransitionMetrics metrics) : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            if (eventData.Context is { } db)
            {
                metrics.Saving(db);
            }

            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } db)
            {
                metrics.Saving(db);
            }

            return ValueTask.FromResult(result);
        }
    }
}
