using System.Globalization;
using System.Text.Json.Nodes;
using MicroInternships.Placements.Domain;

namespace MicroInternships.Placements.Credentials;

/// <summary>What a credential says, before it is signed.</summary>
public sealed record CredentialFacts(
    string CredentialId,
    Placement Placement,
    bool IncludesName,
    string? CourseCode,
    long StatusIndex,
    DateTimeOffset IssuedAt);

/// <summary>
/// A completed micro-internship as a 1EdTech Open Badges 3.0 <c>OpenBadgeCredential</c> on the W3C Verifiable
/// Credentials Data Model 2.0: the program issues it, the partner organization is its <c>source</c>, the endorsed
/// competencies are the achievement's alignments with the partner's sentences as evidence, and the student is named
/// (an <c>IdentityObject</c>) only if they choose.
/// </summary>
public static class OpenBadge
{
    public const string VerifiableCredentialsContext = "https://www.w3.org/ns/credentials/v2";

    public const string OpenBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    public static JsonObject Describe(CredentialFacts facts, IssuerProfile issuer, CredentialUrls urls)
    {
        var placement = facts.Placement;
        var hours = placement.LoggedHours.ToString("0.##", CultureInfo.InvariantCulture);
        var approval = placement.AutoApproved ? "accepted once the organization's review period ended" : "approved by the organization";
        // Open Badges asks for the subject's id or an identifier: an opaque one of this credential's own, linking to nothing else.
        var subjectId = $"urn:uuid:{Guid.NewGuid()}";
        var subject = new JsonObject
        {
            ["id"] = subjectId,
            ["type"] = new JsonArray("AchievementSubject"),
            ["achievement"] = Achievement(placement, hours, approval),
            ["source"] = new JsonObject
            {
                ["id"] = $"urn:uuid:{placement.OrganizationId}",
                ["type"] = new JsonArray("Profile"),
                ["name"] = placement.OrganizationName,
            },
            ["role"] = "Micro-intern",
            ["activityStartDate"] = Moment(placement.StartedAt),
            ["activityEndDate"] = Moment(placement.CompletedAt!.Value),
        };
        if (facts.IncludesName)
        {
            subject["identifier"] = new JsonArray(new JsonObject
            {
                ["type"] = "IdentityObject",
                ["identityType"] = "name",
                ["hashed"] = false,
                ["identityHash"] = placement.StudentName,
            });
        }

        if (facts.CourseCode is { } course)
        {
            subject["narrative"] = $"Completed as part of the course {course}.";
        }

        var id = urls.Credential(facts.CredentialId).ToString();
        return new JsonObject
        {
            ["@context"] = new JsonArray(VerifiableCredentialsContext, OpenBadgesContext),
            ["id"] = id,
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["name"] = $"Micro-internship: {placement.ListingTitle}",
            ["description"] = $"{hours} hours of paid professional work for {placement.OrganizationName}, {approval}.",
            ["issuer"] = Issuer(issuer),
            ["validFrom"] = Moment(facts.IssuedAt),
            ["awardedDate"] = Moment(placement.CompletedAt!.Value),
            ["credentialSubject"] = subject,
            ["evidence"] = new JsonArray(placement.Endorsements.Select(e => (JsonNode)new JsonObject
            {
                ["type"] = new JsonArray("Evidence"),
                ["name"] = e.Competency.Title(),
                ["narrative"] = e.Evidence,
            }).ToArray()),
            ["credentialStatus"] = StatusLists.Entry(facts.StatusIndex, urls),
        }.WithJwtClaims(issuer.Url.ToString(), id, subjectId, facts.IssuedAt);
    }

    /// <summary>
    /// The JWT registered claims Open Badges 3.0's JWT format maps the credential to (<c>iss</c> the issuer,
    /// <c>jti</c> the id, <c>sub</c> the subject, <c>nbf</c> validFrom); VC-JOSE makes them optional, stricter
    /// Open Badges verifiers ask for them.
    /// </summary>
    public static JsonObject WithJwtClaims(this JsonObject credential, string issuer, string id, string? subject, DateTimeOffset validFrom)
    {
        credential["iss"] = issuer;
        credential["jti"] = id;
        if (subject is not null)
        {
            credential["sub"] = subject;
        }

        credential["nbf"] = validFrom.ToUnixTimeSeconds();
        return credential;
    }

    public static string Moment(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Issuer(IssuerProfile issuer) => new()
    {
        ["id"] = issuer.Url.ToString(),
        ["type"] = new JsonArray("Profile"),
        ["name"] = issuer.Name,
        ["url"] = issuer.Url.ToString(),
        ["email"] = issuer.Email,
    };

    private static JsonObject Achievement(Placement placement, string hours, string approval) => new()
    {
        ["id"] = $"urn:uuid:{placement.ListingId}",
        ["type"] = new JsonArray("Achievement"),
        ["achievementType"] = "Fieldwork",
        ["name"] = placement.ListingTitle,
        ["description"] = $"A paid micro-internship with {placement.OrganizationName}: a short professional project of {placement.EstimatedHours} estimated hours.",
        ["criteria"] = new JsonObject
        {
            ["narrative"] = $"The student completed the project ({hours} hours logged); the work was {approval}.",
        },
        ["alignment"] = new JsonArray(placement.Endorsements.Select(e => (JsonNode)new JsonObject
        {
            ["type"] = new JsonArray("Alignment"),
            ["targetName"] = e.Competency.Title(),
            ["targetUrl"] = Competencies.FrameworkUrl.ToString(),
            ["targetType"] = "ceasn:Competency",
            ["targetFramework"] = Competencies.Framework,
        }).ToArray()),
    };
}
