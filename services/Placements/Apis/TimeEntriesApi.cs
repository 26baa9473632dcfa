using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Calendar;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Apis;

public sealed record TimeEntryRequest(DateOnly? Date, decimal? Hours, string? Note);

public sealed record TimeEntryDto(Guid Id, DateOnly Date, decimal Hours, string Note, DateTimeOffset CreatedAt);

public sealed record TimeSheetDto(IReadOnlyList<TimeEntryDto> Items, decimal TotalHours, int EstimatedHours);

public static class TimeEntriesApi
{
    private const decimal MaxHoursPerDay = 16;

    public static RouteGroupBuilder MapTimeEntriesApi(this RouteGroupBuilder placements)
    {
        placements.MapPost("/{id:guid}/time-entries", LogAsync).WithName("LogTime")
            .WithSummary("The student logs hours worked on a day (0.25 to 12, in quarter hours)")
            .Refuses(RoleRules.ThePlacementStudent)
            .Refuses(RuleKind.NotFound, "placement_not_found")
            .Refuses(RuleKind.Conflict, "placement_wrong_state");
        placements.MapGet("/{id:guid}/time-entries", ListAsync).WithName("ListTimeEntries").WithSummary("The placement's time sheet, with its total")
            .Refuses(RuleKind.NotFound, "placement_not_found");
        return placements;
    }

    public static async Task<Created<TimeEntryDto>> LogAsync(
        Guid id, TimeEntryRequest request, Caller caller, PlacementsDbContext db, ProgramCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var placement = await PlacementsApi.FindAsync(id, caller, db, cancellationToken);
        caller.Require(RoleRules.ThePlacementStudent);
        var now = clock.GetUtcNow();
        var (date, hours, note) = Validate(request, placement, calendar, now);
        var loggedThatDay = await db.TimeEntries.Where(e => e.PlacementId == id && e.Date == date).SumAsync(e => e.Hours, cancellationToken);
        if (loggedThatDay + hours > MaxHoursPerDay)
        {
            throw ValidationException.For("hours", $"{loggedThatDay} hours are already logged on {date:yyyy-MM-dd}; a day holds at most {MaxHoursPerDay}.");
        }

        placement.Log(hours);
        var entry = TimeEntry.Create(placement.Id, date, hours, note, now);
        db.TimeEntries.Add(entry);
        db.AddIntegrationEvent(new TimeEntryLogged(
            placement.Id, placement.Version, entry.Id, entry.Date, entry.Hours, placement.LoggedHours, placement.EstimatedHours, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/placements/{id}/time-entries", ToDto(entry));
    }

    public static async Task<Ok<TimeSheetDto>> ListAsync(Guid id, Caller caller, PlacementsDbContext db, CancellationToken cancellationToken)
    {
        var placement = await PlacementsApi.FindAsync(id, caller, db, cancellationToken);
        var entries = await db.TimeEntries.AsNoTracking()
            .Where(e => e.PlacementId == id)
            .OrderBy(e => e.Date).ThenBy(e => e.CreatedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new TimeSheetDto(entries.Select(ToDto).ToList(), placement.LoggedHours, placement.EstimatedHours));
    }

    /// <summary>Hours are logged for days that have come: from the placement's start date to today, both in the program's time zone.</summary>
    private static (DateOnly Date, decimal Hours, string Note) Validate(TimeEntryRequest request, Placement placement, ProgramCalendar calendar, DateTimeOffset now)
    {
        var (earliest, latest) = (calendar.DateOf(placement.StartedAt), calendar.DateOf(now));
        new FieldErrors()
            .When(request.Date is null, "date", "date is required (YYYY-MM-DD).")
            .When(request.Date > latest, "date", $"date cannot be after today, {latest:yyyy-MM-dd} in the program's time zone.")
            .When(request.Date < earliest, "date", $"date cannot be before the placement started on {earliest:yyyy-MM-dd}.")
            .When(request.Hours is not (>= 0.25m and <= 12m) || request.Hours * 4 % 1 != 0, "hours", "hours must be 0.25 to 12, in quarter hours.")
            .Length("note", request.Note, 1, 500, required: false)
            .ThrowIfAny();
        return (request.Date!.Value, request.Hours!.Value, request.Note?.Trim() ?? "");
    }

    private static TimeEntryDto ToDto(TimeEntry entry) => new(entry.Id, entry.Date, entry.Hours, entry.Note, entry.CreatedAt);
}
