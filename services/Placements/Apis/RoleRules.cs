using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Placements.Apis;

/// <summary>
/// Which roles act on applications and placements. Once one is visible (<see cref="Data.Visibility"/>), the caller's
/// role says which side of it they are on, so "the placement's student" is the student role after the lookup.
/// </summary>
public static class RoleRules
{
    public static readonly RoleRule Applicants = new("students_only", "Only students apply.", Roles.Student);

    public static readonly RoleRule Students = new("students_only", "Only students have a portfolio.", Roles.Student);

    public static readonly RoleRule Coordinators = new("coordinators_only", "Only coordinators revoke credentials.", Roles.Coordinator);

    public static readonly RoleRule TheApplicant = new("not_the_applicant", "Only the student who applied may do this.", Roles.Student);

    public static readonly RoleRule TheListingOwner = new("not_listing_owner", "Only the listing's partner organization may do this.", Roles.Partner);

    public static readonly RoleRule ThePlacementStudent = new("not_placement_student", "Only the placement's student may do this.", Roles.Student);

    public static readonly RoleRule ThePlacementPartner = new("not_placement_partner", "Only the placement's partner organization may do this.", Roles.Partner);

    public static readonly RoleRule SettlementParties = new(
        "not_settlement_party", "Only the placement's partner or a coordinator settles a cancellation.", Roles.Partner, Roles.Coordinator);

    public static readonly RoleRule Reflectors = new(
        "not_placement_reflector", "Only the placement's student or its course's faculty member writes reflections.", Roles.Student, Roles.Faculty);

    public static readonly RoleRule ReflectionReaders = new(
        "reflections_not_visible", "Reflections are for the student, the course's faculty member and coordinators.",
        Roles.Student, Roles.Faculty, Roles.Coordinator);

    public static readonly RoleRule CourseReflectionReaders = new(
        "not_course_faculty", "Only the course's faculty member reads its shared reflections.", Roles.Faculty, Roles.Coordinator);

    public static readonly RoleRule FeedbackReaders = new(
        "feedback_not_visible", "Feedback is for the student, the partner and coordinators.", Roles.Student, Roles.Partner, Roles.Coordinator);
}
