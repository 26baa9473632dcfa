using MicroInternships.Placements.Credentials;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Apis;

public sealed record RecordDto(string VerificationCode, string VerifyUrl);

/// <summary>
/// What a future employer learns from a verification code: enough to trust the record, nothing more. The student's
/// name only if their credential names them; <c>revoked</c> when the program revoked the credential.
/// </summary>
public sealed record VerifiedRecordDto(
    string? StudentName, string OrganizationName, string ListingTitle, decimal Hours, DateTimeOffset CompletedAt, bool Paid, bool Revoked, string? CredentialUrl);

/// <summary>The public base address verification links point at (<c>Placements:Records</c>).</summary>
public sealed class RecordOptions
{
    public const string SectionName = "Placements:Records";

    public Uri VerifyBaseUrl { get; set; } = new("http://localhost:5080/");
}

public static class RecordsApi
{
    public static RouteGroupBuilder MapRecordApi(this RouteGroupBuilder placements)
    {
        placements.MapGet("/{id:guid}/record", GetAsync).WithName("GetCompletionRecord")
            .WithSummary("The student's verifiable completion record: a code and a link anyone can check")
            .Refuses(RoleRules.ThePlacementStudent)
            .Refuses(RuleKind.NotFound, "placement_not_found")
            .Refuses(RuleKind.Conflict, "placement_not_completed");
        return placements;
    }

    public static IEndpointRouteBuilder MapVerifyApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verify/{code}", VerifyAsync).WithTag("Verification", "Anyone checks a completion record by its code.").WithName("VerifyRecord").AllowAnonymous().DescribeProblems()
            .WithSummary("Check a completion record by its code; no token needed")
            .Refuses(RuleKind.NotFound, "record_not_found");
        return app;
    }

    public static async Task<Ok<RecordDto>> GetAsync(
        Guid id, Caller caller, PlacementsDbContext db, IOptions<RecordOptions> options, CancellationToken cancellationToken)
    {
        var placement = await PlacementsApi.FindAsync(id, caller, db, cancellationToken);
        caller.Require(RoleRules.ThePlacementStudent);
        if (placement.VerificationCode is not { } code)
        {
            throw DomainRuleException.Conflict("placement_not_completed", "A record exists once the placement is completed.");
        }

        return TypedResults.Ok(new RecordDto(code, new Uri(options.Value.VerifyBaseUrl, $"api/verify/{code}").ToString()));
    }

    public static async Task<Ok<VerifiedRecordDto>> VerifyAsync(string code, PlacementsDbContext db, CredentialUrls urls, CancellationToken cancellationToken)
    {
        var normalized = VerificationCodes.Normalize(code) ?? throw DomainRuleException.NotFound("record");
        var record = await db.Placements.AsNoTracking()
            .Where(p => p.VerificationCode == normalized && p.Status == PlacementStatus.Completed)
            .Select(p => new
            {
                p.StudentName, p.OrganizationName, p.ListingTitle, p.LoggedHours, p.CompletedAt, Paid = p.PaymentStatus == PaymentStatus.Paid,
                Credential = db.Credentials.Where(c => c.Id == p.CredentialId).Select(c => new { c.Id, c.IncludesName, Revoked = c.RevokedAt != null }).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw DomainRuleException.NotFound("record");
        return TypedResults.Ok(new VerifiedRecordDto(
            record.Credential is { IncludesName: false } ? null : record.StudentName,
            record.OrganizationName,
            record.ListingTitle,
            record.LoggedHours,
            record.CompletedAt!.Value,
            record.Paid,
            record.Credential?.Revoked ?? false,
            record.Credential is { } credential ? urls.Credential(credential.Id).ToString() : null));
    }
}
