using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Insights.Apis;

/// <summary>Who sees program figures: coordinators all, faculty their courses', partners their organization's (<see cref="InsightsScopes"/>).</summary>
public static class RoleRules
{
    public static readonly RoleRule Readers = new(
        "insights_not_available", "Program figures are for coordinators, faculty (their courses) and partners (their organization).",
        Roles.Coordinator, Roles.Faculty, Roles.Partner);
}
