using System.Security.Claims;
using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Web.Account;

/// <summary>
/// The claims of a signed-in person. The gateway's access token travels as a claim inside the encrypted
/// authentication cookie: only this server reads it, no script in the browser ever sees it.
/// </summary>
public static class SiteClaims
{
    public const string Subject = ClaimNames.Subject;
    public const string Role = ClaimNames.Role;
    public const string Name = ClaimNames.Name;
    public const string Email = ClaimNames.Email;
    public const string Organization = ClaimNames.Organization;
    public const string AccessToken = "access_token";

    public static string? Id(this ClaimsPrincipal user) => user.FindFirst(Subject)?.Value;

    public static string? RoleName(this ClaimsPrincipal user) => user.FindFirst(Role)?.Value;

    public static bool IsIn(this ClaimsPrincipal user, string role) => user.RoleName() == role;

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirst(Name)?.Value ?? user.Id() ?? "";

    public static Guid? OrganizationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(Organization)?.Value, out var id) ? id : null;

    public static string? AccessTokenOf(this ClaimsPrincipal user) => user.FindFirst(AccessToken)?.Value;

    public static ClaimsIdentity Identity(string subject, string role, string? name, string? email, string? organization, string accessToken, string authenticationType)
    {
        var identity = new ClaimsIdentity(authenticationType, Name, Role);
        identity.AddClaim(new Claim(Subject, subject));
        identity.AddClaim(new Claim(Role, role));
        identity.AddClaim(new Claim(Name, string.IsNullOrWhiteSpace(name) ? subject : name));
        if (!string.IsNullOrWhiteSpace(email))
        {
            identity.AddClaim(new Claim(Email, email));
        }

        if (!string.IsNullOrWhiteSpace(organization))
        {
            identity.AddClaim(new Claim(Organization, organization));
        }

        identity.AddClaim(new Claim(AccessToken, accessToken));
        return identity;
    }
}
