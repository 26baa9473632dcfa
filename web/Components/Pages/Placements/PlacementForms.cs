using System.Globalization;
using MicroInternships.Web.Api.Contracts;

namespace MicroInternships.Web.Components.Pages.Placements;

/// <summary>What the placement pages share: ratings, checks made before a call, and the pro rata rule.</summary>
public static class PlacementForms
{
    public const int MaxRevisionRequests = 2;

    public static readonly IReadOnlyList<(int Value, string Label)> Ratings =
        [(5, "5 – Excellent"), (4, "4 – Good"), (3, "3 – Fair"), (2, "2 – Poor"), (1, "1 – Very poor")];

    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-US");

    /// <summary>What the placement pages say above a mistake caught before any call.</summary>
    public const string CheckTheField = "Check the field marked below.";

    public static bool TryRating(string? text, out int rating) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out rating) && rating is >= 1 and <= 5;

    /// <summary>What a cancellation now would pay: amount × min(logged, estimated) ÷ estimated, half up, as the API computes it.</summary>
    public static long PayableIfCancelled(Placement placement)
    {
        if (placement.EstimatedHours <= 0)
        {
            return 0;
        }

        var quarters = (long)(Math.Min(placement.LoggedHours, placement.EstimatedHours) * 4);
        var estimatedQuarters = placement.EstimatedHours * 4L;
        return (placement.AmountCents * quarters * 2 + estimatedQuarters) / (estimatedQuarters * 2);
    }

    /// <summary>What the payout pays: the whole amount on completion, the pro rata share on cancellation.</summary>
    public static long AmountDue(this Placement placement) =>
        placement.Status == "cancelled" ? placement.PayableCents ?? 0 : placement.AmountCents;

    public static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", _english);

    public static string HoursOf(Placement placement) =>
        $"{Display.Hours(placement.LoggedHours)} of {Display.Hours(placement.EstimatedHours)} estimated";
}

/// <summary>An action's answer: the updated placement and what to tell the person.</summary>
public sealed record PlacementUpdate(Placement Placement, string Message);
