using System.Security.Claims;
using MicroInternships.Web.Account;
using MicroInternships.Clients.Listings.Models;

namespace MicroInternships.Web.Components.Pages.Listings;

/// <summary>How a listing's facts read, the same in search results and on its own page.</summary>
public static class ListingText
{
    public static string Pay(ListingDto listing) => Pay(listing.Compensation);

    public static string Pay(Compensation? compensation) => Display.Money(compensation?.AmountCents, compensation?.Currency);

    /// <summary>Pay per estimated hour, in integer cents rounded half up, as the program's policy computes it.</summary>
    public static string HourlyRate(ListingDto listing)
    {
        if (listing is not { EstimatedHours: > 0 and var hours, Compensation: { AmountCents: { } amountCents, Currency: var currency } })
        {
            return "";
        }

        var cents = ((amountCents * 2) + hours) / (2L * hours);
        return $"{Display.Money(cents, currency)} per hour";
    }

    public static string OpeningsLeft(ListingDto listing)
    {
        var (openings, filled) = (listing.Openings ?? 0, listing.FilledCount ?? 0);
        return $"{Math.Max(0, openings - filled)} of {openings} {(openings == 1 ? "opening" : "openings")} left";
    }

    public static string WorkPlace(ListingDto listing) => WorkPlace(listing.WorkMode, listing.Location);

    public static string WorkPlace(WorkMode? workMode, string? location) =>
        string.IsNullOrWhiteSpace(location) ? Display.Words(workMode) : $"{Display.Words(workMode)} · {location}";

    public static string? CloseReason(ListingDto listing) => listing.CloseReason switch
    {
        null => null,
        Clients.Listings.Models.CloseReason.Manual => "Closed by its organization: no new applications.",
        Clients.Listings.Models.CloseReason.Deadline => "Closed: the application deadline has passed.",
        Clients.Listings.Models.CloseReason.Filled => "Every opening is filled.",
        var other => Display.Words(other),
    };

    /// <summary>Whether to offer the owner's actions; the API still decides, and its refusal is shown.</summary>
    public static bool IsManagedBy(ListingDto listing, ClaimsPrincipal user) =>
        user.IsIn(Roles.Coordinator) || (user.IsIn(Roles.Partner) && user.OrganizationId() == listing.OrganizationId);
}
