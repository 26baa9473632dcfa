using System.Globalization;
using MicroInternships.Clients.Insights.Models;

namespace MicroInternships.Web.Components.Pages.Insights;

/// <summary>How a figure reads on the page: its value, or why it is not shown.</summary>
public static class FigureText
{
    public const string Hidden = "hidden (fewer than 5 students)";

    public static string Of(Figure? figure, string unit = "") =>
        figure is null || figure.Suppressed == true ? Hidden
        : figure.Value is not { } value ? "–"
        : unit switch
        {
            "cents" => (value / 100).ToString("$#,##0", CultureInfo.InvariantCulture),
            "share" => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
            _ => value.ToString("#,##0.##", CultureInfo.InvariantCulture),
        };

    /// <summary>For a headline tile, where the page has already said why a figure is hidden.</summary>
    public static string Short(Figure? figure, string unit = "") => figure?.Suppressed == true ? "hidden" : Of(figure, unit);

    public static bool Shown(Figure? figure) => figure is { Suppressed: not true, Value: not null };
}
