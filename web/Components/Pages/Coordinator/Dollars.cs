using System.Globalization;

namespace MicroInternships.Web.Components.Pages.Coordinator;

/// <summary>Dollar amounts typed by people, read into integer cents without rounding anything away.</summary>
public static class Dollars
{
    private const decimal MaxDollars = 1_000_000_000_000m;

    /// <returns>Null when the text is a whole number of cents; otherwise what is wrong with it.</returns>
    public static string? TryParseCents(string? text, bool blankIsZero, out long cents)
    {
        cents = 0;
        var trimmed = text?.Trim().Replace("$", "", StringComparison.Ordinal) ?? "";
        if (trimmed.Length == 0)
        {
            return blankIsZero ? null : "Enter an amount in dollars, e.g. 250 or 12.50.";
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
                CultureInfo.InvariantCulture, out var dollars))
        {
            return "Enter an amount in dollars, e.g. 250 or 12.50.";
        }

        if (Math.Abs(dollars) > MaxDollars)
        {
            return "This amount is too large.";
        }

        var exact = dollars * 100m;
        if (exact != decimal.Truncate(exact))
        {
            return "Use at most two decimals (whole cents).";
        }

        cents = (long)exact;
        return null;
    }
}
