using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Notifications.Apis;

/// <summary>Who has notifications: every role of the program.</summary>
public static class RoleRules
{
    public static readonly RoleRule Recipients = new(
        "role_has_no_notifications", "Students, faculty, partners and coordinators have notifications; this sign-in has none of those roles.",
        Roles.Student, Roles.Faculty, Roles.Partner, Roles.Coordinator);
}
