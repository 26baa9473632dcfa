namespace MicroInternships.Notifications.Domain;

/// <summary>Who a notification is for: one person (a token's subject), an organization's partners, or everyone with a role.</summary>
public enum RecipientKind
{
    Person,
    Organization,
    Role,
}

/// <summary>
/// A notification's addressee as stored: its kind and its key (the subject, the organization's id, the role's name),
/// together unique with the event that caused it, so an event delivered twice notifies each recipient once.
/// </summary>
public readonly record struct Recipient(RecipientKind Kind, string Key)
{
    public static Recipient Person(string subject) => new(RecipientKind.Person, subject);

    public static Recipient Organization(Guid organizationId) => new(RecipientKind.Organization, organizationId.ToString("D"));

    public static Recipient Role(string role) => new(RecipientKind.Role, role);
}
