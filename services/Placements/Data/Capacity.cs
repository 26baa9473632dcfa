using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Data;

/// <summary>
/// The two limits a placement must fit in, kept by PostgreSQL: a listing's openings and a student's workload. Each
/// is one conditional <c>UPDATE</c> on one row, so concurrent accepts queue on that row's lock and each sees the
/// count the one before it left: the limit cannot be passed, however many arrive at once. Call inside the
/// transaction that creates or ends the placement.
/// </summary>
public sealed class Capacity(PlacementsDbContext db, IOptions<PlacementRules> rules)
{
    /// <returns>The listing's filled count after taking the opening; 409 when none is left.</returns>
    public async Task<int> TakeOpeningAsync(Guid listingId, CancellationToken cancellationToken)
    {
        var filled = await db.Database
            .SqlQuery<int>($"""
                UPDATE listings SET filled_count = filled_count + 1
                WHERE id = {listingId} AND filled_count < openings AND status <> 'cancelled'
                RETURNING filled_count AS "Value"
                """)
            .ToListAsync(cancellationToken);
        return filled.Count == 1 ? filled[0] : throw DomainRuleException.Conflict("listing_filled", "Every opening of the listing is taken.");
    }

    public Task ReleaseOpeningAsync(Guid listingId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"UPDATE listings SET filled_count = filled_count - 1 WHERE id = {listingId} AND filled_count > 0", cancellationToken);

    public async Task TakeWorkloadSlotAsync(string studentId, CancellationToken cancellationToken)
    {
        var max = rules.Value.MaxActivePlacements;
        var taken = await db.Database
            .SqlQuery<int>($"""
                INSERT INTO student_workloads (student_id, active_placements) VALUES ({studentId}, 1)
                ON CONFLICT (student_id) DO UPDATE SET active_placements = student_workloads.active_placements + 1
                WHERE student_workloads.active_placements < {max}
                RETURNING active_placements AS "Value"
                """)
            .ToListAsync(cancellationToken);
        if (taken.Count == 0)
        {
            throw DomainRuleException.Conflict("workload_limit_reached", $"A student holds at most {max} placements in progress at once.");
        }
    }

    public Task ReleaseWorkloadSlotAsync(string studentId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"UPDATE student_workloads SET active_placements = active_placements - 1 WHERE student_id = {studentId} AND active_placements > 0",
            cancellationToken);
}
