using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MicroInternships.Listings.Apis;

/// <param name="LeaveEmpty">A field people never see on the site's form: a request that fills it is a bot's, answered as any other and dropped.</param>
public sealed record PartnerInterestRequest(
    string? OrganizationName, string? Website, string? ContactName, string? ContactEmail, string? ProjectKinds, string? LeaveEmpty);

/// <summary>What the person who asked is told: check their email before <see cref="ConfirmBy"/>.</summary>
public sealed record PartnerInterestReceipt(DateTimeOffset ConfirmBy);

public sealed record PartnerInterestConfirmation(string? Token);

public sealed record ConfirmedPartnerInterest(string OrganizationName, PartnerInterestStatus Status);

public sealed record PartnerInterestDecline(string? Note);

/// <summary>A request to join as coordinators review it; <see cref="OrganizationId"/> once approved. Erased fields are null.</summary>
public sealed record PartnerInterestDto(
    Guid Id, string OrganizationName, string? Website, string? ContactName, string? ContactEmail, string? ProjectKinds, PartnerInterestStatus Status,
    DateTimeOffset SubmittedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? DeclineNote, Guid? OrganizationId);

/// <summary>
/// Organizations ask to join from the public site (anonymous, limited per address at the gateway); the contact confirms
/// their email; coordinators approve (the organization is created and the contact invited by email) or decline.
/// </summary>
public static class PartnerInterestApi
{
    /// <summary>Confirmation emails one address may have waiting at once: a stranger cannot flood someone's inbox.</summary>
    public const int MaxUnconfirmedPerAddress = 3;

    public static IEndpointRouteBuilder MapPartnerInterestApi(this IEndpointRouteBuilder app)
    {
        const string tag = "Partner interest";
        const string about = "Organizations ask to join the program; coordinators review the requests whose contact confirmed their email.";
        var interest = app.MapGroup("/partner-interest").WithTag(tag, about).DescribeProblems();
        interest.MapPost("/", SubmitAsync).AllowAnonymous().WithName("SubmitPartnerInterest")
            .WithSummary("Ask for an organization to join: the contact gets an email to confirm their address (anonymous)")
            .Refuses(RuleKind.Conflict, "partner_interest_pending");
        interest.MapPost("/confirm", ConfirmAsync).AllowAnonymous().WithName("ConfirmPartnerInterest")
            .WithSummary("Confirm the contact's email with the emailed link's token: coordinators then see the request (anonymous)")
            .Refuses(RuleKind.NotFound, "partner_interest_not_found")
            .Refuses(RuleKind.Conflict, "confirmation_expired", "partner_interest_pending");
        interest.MapGet("/", ListAsync).WithName("ListPartnerInterest").WithSummary("Requests to join whose email is confirmed, newest first; pending ones unless a status is named")
            .RequireAuthorization(RoleRules.Coordinators.Policy);
        interest.MapGet("/{id:guid}", GetAsync).WithName("GetPartnerInterest").WithSummary("One request to join")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "partner_interest_not_found");
        interest.MapPost("/{id:guid}/approve", ApproveAsync).WithName("ApprovePartnerInterest")
            .WithSummary("Approve a pending request: the organization is created and its contact invited by email")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "partner_interest_not_found")
            .Refuses(RuleKind.Conflict, "partner_interest_decided");
        interest.MapPost("/{id:guid}/decline", DeclineAsync).WithName("DeclinePartnerInterest")
            .WithSummary("Decline a pending request, with a note emailed to its contact")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "partner_interest_not_found")
            .Refuses(RuleKind.Conflict, "partner_interest_decided");
        return app;
    }

    public static async Task<Accepted<PartnerInterestReceipt>> SubmitAsync(
        PartnerInterestRequest request, ListingsDbContext db, IOptions<PartnerInterestOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var receipt = TypedResults.Accepted((string?)null, new PartnerInterestReceipt(now + options.Value.ConfirmationLifetime));
        if (!string.IsNullOrEmpty(request.LeaveEmpty))
        {
            return receipt;
        }

        new FieldErrors()
            .Length("organizationName", request.OrganizationName, 2, 120)
            .When(Addresses.HasControlCharacters(request.OrganizationName), "organizationName", "organizationName must be one line of text.")
            .When(request.Website is not { Length: > 0 } website || !Addresses.IsWebAddress(website.Trim()), "website", "website must be an absolute http(s) address.")
            .Length("contactName", request.ContactName, 2, 120)
            .When(Addresses.HasControlCharacters(request.ContactName), "contactName", "contactName must be one line of text.")
            .When(!Addresses.IsEmail(request.ContactEmail), "contactEmail", "contactEmail must be one email address.")
            .Length("projectKinds", request.ProjectKinds, 10, 2000)
            .ThrowIfAny();

        var email = Invitation.Normalized(request.ContactEmail!);
        var domainKey = options.Value.DomainKeyOf(email);
        if (await db.PartnerInterests.AnyAsync(i => i.DomainKey == domainKey && i.Status == PartnerInterestStatus.Pending, cancellationToken))
        {
            throw PendingForDomain(domainKey);
        }

        var waiting = await db.PartnerInterests.CountAsync(
            i => i.ContactEmail == email && i.Status == PartnerInterestStatus.Unconfirmed && i.ConfirmBy > now, cancellationToken);
        if (waiting >= MaxUnconfirmedPerAddress)
        {
            return receipt;
        }

        var (interest, token) = PartnerInterest.Submit(
            request.OrganizationName!.Trim(), request.Website!.Trim(), request.ContactName!.Trim(), email, domainKey, request.ProjectKinds!.Trim(),
            options.Value.ConfirmationLifetime, now);
        db.PartnerInterests.Add(interest);
        db.AddIntegrationEvent(new PartnerInterestSubmitted(interest.ToSnapshot(), now));
        db.AddPrivateMessage(PartnerInterestEmails.Confirmation(interest, token));
        await db.SaveChangesAsync(cancellationToken);
        return receipt;
    }

    /// <summary>A token we did not make, altered, or of a request since erased, finds nothing: 404. A second click changes nothing.</summary>
    public static async Task<Ok<ConfirmedPartnerInterest>> ConfirmAsync(
        PartnerInterestConfirmation request, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        new FieldErrors().Length("token", request.Token, 20, 100).ThrowIfAny();
        var interest = await db.PartnerInterests.FirstOrDefaultAsync(i => i.ConfirmationHash == LinkTokens.HashOf(request.Token!), cancellationToken)
            ?? throw DomainRuleException.NotFound("partner_interest");
        var now = clock.GetUtcNow();
        if (interest.Confirm(now))
        {
            db.AddIntegrationEvent(new PartnerInterestConfirmed(interest.ToSnapshot(), now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw PendingForDomain(interest.DomainKey!);
            }
        }

        return TypedResults.Ok(new ConfirmedPartnerInterest(interest.OrganizationName, interest.Status));
    }

    public static async Task<Ok<Page<PartnerInterestDto>>> ListAsync(
        string? status, int? limit, string? cursor, ListingsDbContext db, CancellationToken cancellationToken)
    {
        var wanted = EnumFilter.Parse<PartnerInterestStatus>(status, "status") ?? PartnerInterestStatus.Pending;
        return TypedResults.Ok(await db.PartnerInterests.AsNoTracking().Where(i => i.Status == wanted && i.ConfirmedAt != null)
            .ToPageAsync(limit, cursor, ToDto, cancellationToken));
    }

    public static async Task<Ok<PartnerInterestDto>> GetAsync(Guid id, ListingsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToDto(await FindReviewableAsync(db, id, cancellationToken)));

    /// <summary>
    /// One commit creates the organization, invites the contact (the invitation's link goes to them by email, never to
    /// the coordinator) and records the decision: none of it happens without the rest.
    /// </summary>
    public static async Task<Ok<PartnerInterestDto>> ApproveAsync(
        Guid id, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var interest = await FindReviewableAsync(db, id, cancellationToken);
        var now = clock.GetUtcNow();
        var organization = new Organization(Guid.CreateVersion7(now), interest.OrganizationName, interest.Website, description: null, now, publicListings: true);
        interest.Approve(organization.Id, caller.Id, now);
        var (invitation, token) = Invitation.Send(organization.Id, interest.ContactEmail!, caller.Id, now);
        db.Organizations.Add(organization);
        db.Invitations.Add(invitation);
        db.AddIntegrationEvent(new OrganizationCreated(organization.ToSnapshot(), now));
        db.AddIntegrationEvent(new InvitationSent(invitation.ToSnapshot(), now));
        db.AddIntegrationEvent(new PartnerInterestApproved(interest.ToSnapshot(), now));
        db.AddPrivateMessage(PartnerInterestEmails.Invitation(interest, token, Invitation.Lifetime));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToDto(interest));
    }

    public static async Task<Ok<PartnerInterestDto>> DeclineAsync(
        Guid id, PartnerInterestDecline request, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        new FieldErrors().Length("note", request.Note, 1, 2000, required: false).ThrowIfAny();
        var interest = await FindReviewableAsync(db, id, cancellationToken);
        var now = clock.GetUtcNow();
        interest.Decline(string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), caller.Id, now);
        db.AddIntegrationEvent(new PartnerInterestDeclined(interest.ToSnapshot(), now));
        db.AddPrivateMessage(PartnerInterestEmails.Declined(interest));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToDto(interest));
    }

    /// <summary>Coordinators see a request once its contact confirmed their email; before that it is nobody's to see.</summary>
    private static async Task<PartnerInterest> FindReviewableAsync(ListingsDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.PartnerInterests.FirstOrDefaultAsync(i => i.Id == id && i.ConfirmedAt != null, cancellationToken)
            ?? throw DomainRuleException.NotFound("partner_interest");

    private static DomainRuleException PendingForDomain(string domainKey) => DomainRuleException.Conflict(
        "partner_interest_pending",
        $"A request from {(domainKey.Contains('@') ? "this address" : domainKey)} is already waiting for a coordinator; they will answer it by email.");

    private static PartnerInterestDto ToDto(PartnerInterest interest) => new(
        interest.Id, interest.OrganizationName, interest.Website, interest.ContactName, interest.ContactEmail, interest.ProjectKinds, interest.Status,
        interest.CreatedAt, interest.ConfirmedAt, interest.DecidedAt, interest.DecidedBy, interest.DeclineNote, interest.OrganizationId);
}
