using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Listings.Apis;

/// <summary>Which roles build the catalogue: coordinators register organizations, faculty their courses, partners and coordinators listings.</summary>
public static class RoleRules
{
    public static readonly RoleRule Coordinators = new("coordinators_only", "Only coordinators register and edit partner organizations.", Roles.Coordinator);

    public static readonly RoleRule CourseOwners = new("faculty_only", "Only faculty register courses.", Roles.Faculty);

    public static readonly RoleRule CourseRequesters = new(
        "partner_only", "Requests to faculty come from the listing's partner; coordinators link listings directly.", Roles.Partner);

    public static readonly RoleRule ListingAuthors = new("not_listing_author", "Only partners and coordinators create listings.", Roles.Partner, Roles.Coordinator);
}
