using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Payments.Apis;

/// <summary>Which roles see and move money: coordinators run funds and payouts; a student sees their own payouts.</summary>
public static class RoleRules
{
    public static readonly RoleRule Coordinators = new("coordinators_only", "Only coordinators manage funds and payouts.", Roles.Coordinator);

    public static readonly RoleRule PayoutReaders = new(
        "payouts_not_visible", "Payouts are for coordinators and, their own, for students.", Roles.Coordinator, Roles.Student);
}
