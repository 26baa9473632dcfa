using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Apis;

public sealed record ReflectionRequest(string? Text);

public sealed record ReflectionDto(Guid Id, string AuthorId, string AuthorName, string AuthorRole, string Text, DateTimeOffset CreatedAt);

/// <summary>The academic side of a placement: the student's and the course faculty's reflections, which partners do not see.</summary>
public static class ReflectionsApi
{
    public static RouteGroupBuilder MapReflectionsApi(this RouteGroupBuilder placements)
    {
        placements.MapPost("/{id:guid}/reflections", WriteAsync).WithName("WriteReflection")
            .WithSummary("The student, or the faculty member of the placement's course, writes a reflection")
            .Refuses(RoleRules.Reflectors)
            .Refuses(RuleKind.NotFound, "placement_not_found");
        placements.MapGet("/{id:guid}/reflections", ListAsync).WithName("ListReflections")
            .WithSummary("The placement's reflections, oldest first (student, course faculty and coordinators)")
            .Refuses(RoleRules.ReflectionReaders)
            .Refuses(RuleKind.NotFound, "placement_not_found");
        return placements;
    }

    public static async Task<Created<ReflectionDto>> WriteAsync(
        Guid id, ReflectionRequest request, Caller caller, PlacementsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var placement = await PlacementsApi.FindAsync(id, caller, db, cancellationToken);
        caller.Require(RoleRules.Reflectors);
        new FieldErrors().Length("text", request.Text, 1, 5000).ThrowIfAny();
        var reflection = Reflection.Write(placement.Id, caller.Id, caller.Name, caller.Role, request.Text!.Trim(), clock.GetUtcNow());
        db.Reflections.Add(reflection);
        db.AddIntegrationEvent(new ReflectionAdded(reflection.Id, 1, placement.Id, reflection.AuthorId, reflection.AuthorRole, reflection.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/placements/{id}/reflections", ToDto(reflection));
    }

    public static async Task<Ok<List<ReflectionDto>>> ListAsync(Guid id, Caller caller, PlacementsDbContext db, CancellationToken cancellationToken)
    {
        await PlacementsApi.FindAsync(id, caller, db, cancellationToken);
        caller.Require(RoleRules.ReflectionReaders);
        var reflections = await db.Reflections.AsNoTracking().Where(r => r.PlacementId == id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(reflections.Select(ToDto).ToList());
    }

    private static ReflectionDto ToDto(Reflection reflection) =>
        new(reflection.Id, reflection.AuthorId, reflection.AuthorName, reflection.AuthorRole, reflection.Text, reflection.CreatedAt);
}
