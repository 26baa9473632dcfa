namespace MicroInternships.Insights.Domain;

/// <summary>
/// The small-count rule: to anyone but a coordinator, a figure that covers fewer than <see cref="MinimumStudents"/>
/// distinct students is hidden, and so is anything computed from a hidden figure. Cells that add up to a shown total are
/// hidden at least two at a time (complementary suppression): with one hidden, the total minus the others would give
/// it back, so the smallest other cell with a value is hidden too, or the total if there is none.
/// </summary>
public sealed class Suppression(bool seesSmallCounts)
{
    public const int MinimumStudents = 5;

    public bool Applies => !seesSmallCounts;

    public bool Hides(Measured measured) => Applies && measured.Students is < MinimumStudents;

    public Figure Show(Measured measured) => Hides(measured) ? Figure.Hidden : new Figure(measured.Value, false);

    /// <summary>A figure computed from others (a rate, a median, an average): hidden when any of them is.</summary>
    public Figure Derived(decimal? value, params Figure[] inputs) =>
        inputs.Any(input => input.Suppressed) ? Figure.Hidden : new Figure(value, false);

    /// <summary>A derived figure that also covers students of its own (a median over some of them).</summary>
    public Figure Derived(Measured measured, params Figure[] inputs) =>
        inputs.Any(input => input.Suppressed) || Hides(measured) ? Figure.Hidden : new Figure(measured.Value, false);

    /// <summary>The cells of a breakdown whose values add up to <paramref name="total"/>; returns the total as shown and the cells.</summary>
    public (Figure Total, Figure[] Cells) Group(Measured total, IReadOnlyList<Measured> cells)
    {
        var shownTotal = Show(total);
        var hidden = cells.Select(Hides).ToArray();
        if (Applies && !shownTotal.Suppressed && hidden.Count(h => h) == 1)
        {
            var complement = Enumerable.Range(0, cells.Count)
                .Where(i => !hidden[i])
                .OrderBy(i => cells[i].Value is null or 0 ? 1 : 0)
                .ThenBy(i => cells[i].Students ?? long.MaxValue)
                .ThenBy(i => cells[i].Value)
                .Select(i => (int?)i)
                .FirstOrDefault();
            if (complement is { } index)
            {
                hidden[index] = true;
            }
            else
            {
                shownTotal = Figure.Hidden;
            }
        }

        return (shownTotal, [.. cells.Select((cell, i) => hidden[i] ? Figure.Hidden : new Figure(cell.Value, false))]);
    }
}
