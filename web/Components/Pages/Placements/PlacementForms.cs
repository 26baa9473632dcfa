using System.Globalization;
using MicroInternships.Clients.Placements.Models;
using MicroInternships.Web.Components.Shared;
using Microsoft.Kiota.Abstractions;

namespace MicroInternships.Web.Components.Pages.Placements;

/// <summary>What the placement pages share: ratings, checks made before a call, the pro rata rule and the settlement's.</summary>
public static class PlacementForms
{
    public const int MaxRevisionRequests = 2;

    /// <summary>The contract's default: the student may dispute a partner's settlement below the proposal for this many days.</summary>
    public const int DisputeDays = 7;

    /// <summary>The contract's default: the partner settles a student's cancellation within this many days, or coordinators do.</summary>
    public const int SettlementDays = 7;

    public static readonly IReadOnlyList<(int Value, string Label)> Ratings =
        [(5, "5 – Excellent"), (4, "4 – Good"), (3, "3 – Fair"), (2, "2 – Poor"), (1, "1 – Very poor")];

    /// <summary>The eight NACE career-readiness competencies a partner may endorse, by wire name.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Competencies =
    [
        ("career_and_self_development", "Career & Self-Development"), ("communication", "Communication"), ("critical_thinking", "Critical Thinking"),
        ("equity_and_inclusion", "Equity & Inclusion"), ("leadership", "Leadership"), ("professionalism", "Professionalism"),
        ("teamwork", "Teamwork"), ("technology", "Technology"),
    ];

    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-US");

    /// <summary>What the placement pages say above a mistake caught before any call.</summary>
    public const string CheckTheField = "Check the field marked below.";

    public static bool TryRating(string? text, out int rating) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out rating) && rating is >= 1 and <= 5;

    /// <summary>What a cancellation now would pay: amount × min(logged, estimated) ÷ estimated, half up, as the API computes it.</summary>
    public static long PayableIfCancelled(PlacementDto placement)
    {
        if (placement is not { EstimatedHours: > 0 and var estimated, AmountCents: { } amountCents })
        {
            return 0;
        }

        var quarters = (long)(Math.Min(LoggedHours(placement), estimated) * 4);
        var estimatedQuarters = estimated * 4L;
        return (amountCents * quarters * 2 + estimatedQuarters) / (estimatedQuarters * 2);
    }

    /// <summary>What the payout pays: the whole amount on completion, the pro rata share on cancellation.</summary>
    public static long AmountDue(this PlacementDto placement) =>
        (placement.Status == PlacementStatus.Cancelled ? placement.PayableCents : placement.AmountCents) ?? 0;

    /// <summary>Hours are quarter hours, exact as decimals; the description's <c>number</c> reaches the client as a double.</summary>
    public static decimal LoggedHours(PlacementDto placement) => (decimal)(placement.LoggedHours ?? 0);

    /// <returns>Null when <paramref name="text"/> is an amount from 0 to <paramref name="mostCents"/>; otherwise what is wrong with it.</returns>
    public static string? TryPayable(string? text, long mostCents, string? currency, out long cents) =>
        DollarInput.TryParseCents(text, out cents) ?? (cents > mostCents ? $"Enter at most {Display.Money(mostCents, currency)}." : null);

    /// <summary>Whether what a cancelled placement pays is still being decided: nothing is paid until the settlement is final.</summary>
    public static bool SettlementOpen(this PlacementDto placement) =>
        placement.Settlement is SettlementStatus.Pending or SettlementStatus.Escalated or SettlementStatus.Settled;

    /// <summary>
    /// Something is payable and Payments has not opened its payout yet: the placement completed, or its settlement
    /// became final with an amount, and the payment status is still <c>none</c> for a moment.
    /// </summary>
    public static bool PayoutBeingOpened(this PlacementDto placement) =>
        placement.PaymentStatus is null or PaymentStatus.None
        && (placement.Status == PlacementStatus.Completed || (placement.Settlement == SettlementStatus.Final && placement.PayableCents > 0));

    /// <summary>The payment is on its way: a payout is being opened or is pending with the payment partner.</summary>
    public static bool AwaitsPayment(this PlacementDto placement) => placement.PaymentStatus == PaymentStatus.Pending || placement.PayoutBeingOpened();

    /// <summary>A partner's settlement below the proposal can be disputed by the student until its due time.</summary>
    public static bool Disputable(this PlacementDto placement, DateTimeOffset now) =>
        placement.Settlement == SettlementStatus.Settled && placement.SettlementDueAt > now;

    /// <summary>What the page tells the person who cancelled, settled or disputed, from the placement the API answered with.</summary>
    public static string SettlementOutcome(PlacementDto placement) => placement.Settlement switch
    {
        SettlementStatus.Pending => "The partner now settles what is paid for the hours logged.",
        SettlementStatus.Escalated => "Coordinators now decide what is paid for the hours logged; nothing is paid until then.",
        SettlementStatus.Settled => $"{Display.Money(placement.PayableCents, placement.Currency)} is to be paid for the hours logged, less than the proposal: the student may dispute it within {DisputeDays} days.",
        _ when placement.PayableCents is > 0 => $"{Display.Money(placement.PayableCents.Value, placement.Currency)} will be paid for the hours logged.",
        _ => "Nothing is paid.",
    };

    public static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", _english);

    public static string Day(Date? date) => date is { } known ? Day(new DateOnly(known.Year, known.Month, known.Day)) : "";

    public static string HoursOf(PlacementDto placement) =>
        $"{Display.Hours(LoggedHours(placement))} of {Display.Hours(placement.EstimatedHours)} estimated";
}

/// <summary>An action's answer: the updated placement and what to tell the person.</summary>
public sealed record PlacementUpdate(PlacementDto Placement, string Message);
