using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Notifications.People;

/// <summary>
/// Someone who has used the platform, as their latest token described them: where their email goes, and which
/// organization's and role's notifications are theirs. Tokens are the only source; a person who never signed in
/// is not here, and gets in-app notifications only once they do.
/// </summary>
public sealed class Person
{
    private Person()
    {
    }

    public string Subject { get; private set; } = "";

    public string? Email { get; private set; }

    public string Name { get; private set; } = "";

    public string Role { get; private set; } = "";

    /// <summary>For a partner: the organization their token named.</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>The <c>iat</c> of the token this was recorded from: an older token arriving later changes nothing.</summary>
    public DateTimeOffset TokenIssuedAt { get; private set; }

    public static Person From(Caller caller, string? email, DateTimeOffset issuedAt) => new()
    {
        Subject = caller.Id,
        Email = email,
        Name = caller.Name,
        Role = caller.Role,
        OrganizationId = caller.IsPartner ? caller.OrganizationId : null,
        TokenIssuedAt = issuedAt,
    };
}
