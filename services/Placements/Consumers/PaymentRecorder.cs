using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Consumers;

/// <summary>Applies what Payments reports to the placement it concerns, with the placement's row locked.</summary>
public sealed partial class PaymentRecorder(PlacementsDbContext db, ILogger<PaymentRecorder> logger)
{
    public async Task RecordAsync(Guid placementId, Action<Placement> record, CancellationToken cancellationToken)
    {
        var placement = await db.LockAsync<Placement>(placementId, cancellationToken);
        if (placement is null)
        {
            LogUnknownPlacement(placementId);
            return;
        }

        record(placement);
    }

    [LoggerMessage(LogLevel.Warning, "Payments reported on placement {PlacementId}, which Placements does not have; ignored")]
    private partial void LogUnknownPlacement(Guid placementId);
}
