using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Events.Apis;

/// <summary>Which roles run events and take part in them.</summary>
public static class RoleRules
{
    public static readonly RoleRule Coordinators = new("coordinators_only", "Only coordinators run events and their registrations.", Roles.Coordinator);

    public static readonly RoleRule SlotHosts = new("partners_only", "Only partners offer one-on-one slots.", Roles.Partner);

    public static readonly RoleRule Proposers = new(
        "role_cannot_propose", "Students, faculty and partners propose reflection talks.", Roles.Student, Roles.Faculty, Roles.Partner);

    public static readonly RoleRule Registrants = new(
        "role_cannot_register", "Students, faculty, partners and coordinators register; this sign-in has none of those roles.",
        Roles.Student, Roles.Faculty, Roles.Partner, Roles.Coordinator);
}
