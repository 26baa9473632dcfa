using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.Json;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Placements.Apis;

public sealed record ReflectionRequest(string? Text);

public sealed record ReflectionDto(
    Guid Id, string AuthorId, string AuthorName, string AuthorRole, string Text, DateTimeOffset CreatedAt, ReflectionSharing Sharing, long Version);

public sealed record SharingRequest(ReflectionSharing? Sharing);

/// <summary>
/// A student's reflection their course's faculty may gather and present: <see cref="StudentName"/>, its id and its
/// placement only when shared <c>named</c>; an anonymous one carries nothing that leads back to the student.
/// </summary>
public sealed record SharedReflectionDto(Guid? Id, string Text, ReflectionSharing Sharing, string? StudentName, Guid? PlacementId, string ListingTitle, DateTimeOffset CreatedAt);

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
        placements.MapPut("/{id:guid}/reflections/{reflectionId:guid}/sharing", ShareAsync).WithName("ShareReflection")
            .WithSummary("The student chooses who reads their reflection beyond the placement: private, anonymous or named")
            .Refuses(RoleRules.ThePlacementStudent)
            .Refuses(RuleKind.Forbidden, "not_reflection_author")
            .Refuses(RuleKind.NotFound, "placement_not_found", "reflection_not_found");
        placements.MapGet("/reflections", SharedAsync).WithName("ListSharedReflections")
            .WithSummary("The shared reflections of a course's placements, oldest first, for its faculty member (and coordinators)")
            .Refuses(RoleRules.CourseReflectionReaders)
            .Refuses(RuleKind.Forbidden, "not_course_faculty");
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

    /// <summary>Only the student who wrote it chooses; private again takes it off the faculty's page at once.</summary>
    public static async Task<Ok<ReflectionDto>> ShareAsync(
        Guid id, Guid reflectionId, SharingRequest request, Caller caller, PlacementsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var placement = await PlacementsApi.FindAsync(id, caller, db, cancellationToken);
        caller.Require(RoleRules.ThePlacementStudent);
        new FieldErrors().When(request.Sharing is null, "sharing", "sharing is required: private, anonymous or named.").ThrowIfAny();
        var reflection = await db.Reflections.FirstOrDefaultAsync(r => r.Id == reflectionId && r.PlacementId == placement.Id, cancellationToken)
            ?? throw DomainRuleException.NotFound("reflection");
        if (reflection.AuthorId != caller.Id)
        {
            throw DomainRuleException.Forbidden("not_reflection_author", "Only the student who wrote a reflection chooses who reads it.");
        }

        if (reflection.Share(request.Sharing!.Value))
        {
            db.AddIntegrationEvent(new ReflectionSharingChanged(reflection.Id, reflection.Version, placement.Id, WireName.Of(reflection.Sharing), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(ToDto(reflection));
    }

    /// <summary>
    /// The course's faculty member is the one its linked listings name (Placements' copy of Listings' course links); a
    /// course that is not theirs, or that they have no linked listing in, is 403.
    /// </summary>
    public static async Task<Ok<List<SharedReflectionDto>>> SharedAsync(
        Guid? courseId, Caller caller, PlacementsDbContext db, CancellationToken cancellationToken)
    {
        caller.Require(RoleRules.CourseReflectionReaders);
        new FieldErrors().When(courseId is null, "courseId", "courseId is required.").ThrowIfAny();
        if (!caller.IsCoordinator && !await db.CourseLinks.AnyAsync(l => l.CourseId == courseId && l.FacultyId == caller.Id, cancellationToken))
        {
            throw DomainRuleException.Forbidden("not_course_faculty", "Only the course's faculty member reads its shared reflections.");
        }

        var shared = await db.Reflections.AsNoTracking()
            .Where(r => r.Sharing != ReflectionSharing.Private && r.AuthorRole == Roles.Student)
            .Join(db.Placements.Where(p => p.CourseId == courseId), r => r.PlacementId, p => p.Id, (r, p) => new { Reflection = r, p.ListingTitle })
            .OrderBy(x => x.Reflection.CreatedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(shared.Select(x => x.Reflection.Sharing == ReflectionSharing.Named
                ? new SharedReflectionDto(x.Reflection.Id, x.Reflection.Text, x.Reflection.Sharing, x.Reflection.AuthorName, x.Reflection.PlacementId, x.ListingTitle, x.Reflection.CreatedAt)
                : new SharedReflectionDto(null, x.Reflection.Text, x.Reflection.Sharing, null, null, x.ListingTitle, x.Reflection.CreatedAt))
            .ToList());
    }

    private static ReflectionDto ToDto(Reflection reflection) => new(
        reflection.Id, reflection.AuthorId, reflection.AuthorName, reflection.AuthorRole, reflection.Text, reflection.CreatedAt, reflection.Sharing, reflection.Version);
}
