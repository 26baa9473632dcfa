using System.Security.Claims;
using MicroInternships.Web.Account;
using MicroInternships.Web.Api.Contracts;

namespace MicroInternships.Web.Components.Pages.Listings;

/// <summary>How a listing's facts read, the same in search results and on its own page.</summary>
public static class ListingText
{
    public static string Pay(Listing listing) => Display.Money(listing.Compensation.AmountCents, listing.Compensation.Currency);

    /// <summary>Pay per estimated hour, in integer cents rounded half up, as the program's policy computes it.</summary>
    public static string HourlyRate(Listing listing)
    {
        if (listing.EstimatedHours <= 0)
        {
            return "";
        }

        var cents = ((listing.Compensation.AmountCents * 2) + listing.EstimatedHours) / (2L * listing.EstimatedHours);
        return $"{Display.Money(cents, listing.Compensation.Currency)} per hour";
    }

    public static string OpeningsLeft(Listing listing)
    {
        var left = Math.Max(0, listing.Openings - listing.FilledCount);
        return $"{left} of {listing.Openings} {(listing.Openings == 1 ? "opening" : "openings")} left";
    }

    public static string WorkPlace(Listing listing) =>
        string.IsNullOrWhiteSpace(listing.Location) ? Display.Words(listing.WorkMode) : $"{Display.Words(listing.WorkMode)} · {listing.Location}";

    public static string? CloseReason(Listing listing) => listing.CloseReason switch
    {
        null => null,
        "manual" => "Closed by its organization: no new applications.",
        "deadline" => "Closed: the application deadline has passed.",
        "filled" => "Every opening is filled.",
        var other => Display.Words(other),
    };

    /// <summary>Whether to offer the owner's actions; the API still decides, and its refusal is shown.</summary>
    public static bool IsManagedBy(Listing listing, ClaimsPrincipal user) =>
        user.IsIn(Roles.Coordinator) || (user.IsIn(Roles.Partner) && user.OrganizationId() == listing.OrganizationId);
}
