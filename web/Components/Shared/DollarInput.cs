using System.Globalization;
using System.Text.RegularExpressions;

namespace MicroInternships.Web.Components.Shared;

/// <summary>Dollar amounts typed by people, read into integer cents without rounding anything away, and cents shown back in an input.</summary>
public static partial class DollarInput
{
    private const decimal MaxDollars = 1_000_000_000_000m;
    private const string Example = "Enter an amount in dollars, e.g. 250 or 12.50.";

    /// <returns>Null when the text is a whole number of cents the caller accepts; otherwise what is wrong with it.</returns>
    public static string? TryParseCents(string? text, out long cents, bool blankIsZero = false, bool allowNegative = false)
    {
        cents = 0;
        var amount = WithoutDollarSign((text ?? "").Trim());
        if (amount.Length == 0)
        {
            return blankIsZero ? null : Example;
        }

        if (!Shape().IsMatch(amount)
            || !decimal.TryParse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands,
                CultureInfo.InvariantCulture, out var dollars))
        {
            return Example;
        }

        if (dollars < 0 && !allowNegative)
        {
            return "Enter an amount of 0 or more.";
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

    /// <summary>Cents as the plain dollar amount an input holds: "640.50".</summary>
    public static string Format(long? cents) => ((cents ?? 0) / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>One "$" before or after the sign: "$12", "-$12" and "$-12".</summary>
    private static string WithoutDollarSign(string text)
    {
        var at = text.StartsWith('-') || text.StartsWith('+') ? 1 : 0;
        if (text.Length > at && text[at] == '$')
        {
            return text.Remove(at, 1).Trim();
        }

        return text;
    }

    // Commas only between groups of three digits, so "12,50" is refused instead of read as 1250 dollars.
    [GeneratedRegex(@"^[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?(\.[0-9]*)?$")]
    private static partial Regex Shape();
}
