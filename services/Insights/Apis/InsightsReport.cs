using System.Globalization;
using System.Net;
using System.Text;
using MicroInternships.Insights.Domain;

namespace MicroInternships.Insights.Apis;

/// <summary>
/// The summary as a self-contained printable page: the headline figures, bar charts as inline SVG (each with a text
/// equivalent), and every table. Page breaks fall between sections on A4 and Letter alike.
/// </summary>
public static class InsightsReport
{
    private const string Style = """
        body{font:11pt/1.45 system-ui,sans-serif;color:#1b1b1b;max-width:48rem;margin:2rem auto;padding:0 1rem}
        h1{font-size:1.6rem;margin:0}h2{font-size:1.15rem;margin:1.6rem 0 .4rem;break-after:avoid}
        .muted{color:#555}.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.6rem;margin:1rem 0}
        .tile{border:1px solid #ccc;border-radius:6px;padding:.5rem .7rem}.tile b{display:block;font-size:1.4rem}
        table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{text-align:left;padding:.2rem .4rem;border-bottom:1px solid #ddd}
        td.n{text-align:right;font-variant-numeric:tabular-nums}svg{width:100%;height:auto}section{break-inside:avoid}
        @page{margin:15mm}@media print{body{margin:0;max-width:none}}
        """;

    public static string Html(InsightsSummary summary, InsightsSeries placements, InsightsSeries paid)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>Micro-Internships: program report</title><style>").Append(Style).Append("</style></head><body><main>")
            .Append("<h1>Micro-Internships: program report</h1><p class=\"muted\">").Append(Encode(PeriodText(summary)))
            .Append(". Figures as of ").Append(Encode(summary.AsOf?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "no events yet"))
            .Append(summary.SmallCountsHidden ? ". Figures covering fewer than 5 students are hidden (“hidden”)." : ".").Append("</p>");

        html.Append("<section><h2>Program summary</h2><div class=\"tiles\">");
        Tile(html, "Students placed", summary.Reach.StudentsPlaced);
        Tile(html, "Placements completed", summary.Flow.PlacementsCompleted);
        Tile(html, "Paid to students", summary.Money.PaidCents, cents: true);
        Tile(html, "Partners with listings", summary.Reach.PartnersWithListings);
        Tile(html, "Courses with linked listings", summary.Reach.CoursesWithLinkedListings);
        Tile(html, "Hours logged", summary.Work.HoursLogged);
        html.Append("</div></section>");

        Chart(html, "Placements started by week", [.. placements.Points.Select(p => (p.WeekOf.ToString("MMM d", CultureInfo.InvariantCulture), p.Value))], cents: false);
        Chart(html, "Dollars paid by week", [.. paid.Points.Select(p => (p.WeekOf.ToString("MMM d", CultureInfo.InvariantCulture), p.Value))], cents: true);
        Chart(html, "Payouts by status", [.. summary.Money.PayoutsByStatus.Select(p => (p.Status.Replace('_', ' '), p.Count))], cents: false);
        Chart(html, "Students placed by department", [.. summary.ByDepartment.Select(d => (d.Department, d.StudentsPlaced))], cents: false);

        html.Append("<section><h2>All figures</h2><table><thead><tr><th scope=\"col\">Section</th><th scope=\"col\">Measure</th><th scope=\"col\">Breakdown</th><th scope=\"col\">Value</th></tr></thead><tbody>");
        foreach (var row in InsightsRow.Of(summary))
        {
            html.Append("<tr><td>").Append(Encode(row.Section)).Append("</td><td>").Append(Encode(row.Measure)).Append("</td><td>")
                .Append(Encode(row.Breakdown)).Append("</td><td class=\"n\">").Append(Encode(row.Value.Suppressed ? "hidden" : row.ValueText)).Append("</td></tr>");
        }

        return html.Append("</tbody></table></section></main></body></html>").ToString();
    }

    private static void Tile(StringBuilder html, string label, Figure figure, bool cents = false) =>
        html.Append("<div class=\"tile\">").Append(Encode(label)).Append("<b>").Append(Encode(Text(figure, cents))).Append("</b></div>");

    /// <summary>Horizontal bars, one per item, with the values written beside them; a hidden value draws no bar and says so.</summary>
    private static void Chart(StringBuilder html, string title, IReadOnlyList<(string Label, Figure Value)> items, bool cents)
    {
        if (items.Count == 0)
        {
            return;
        }

        const int rowHeight = 22, labelWidth = 150, barWidth = 380;
        var largest = items.Max(i => i.Value.Value ?? 0);
        html.Append("<section><h2>").Append(Encode(title)).Append("</h2>")
            .Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{Encode(title)}\" viewBox=\"0 0 {labelWidth + barWidth + 110} {items.Count * rowHeight + 4}\">");
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            var y = i * rowHeight;
            var width = largest > 0 && value.Value is { } v ? (double)(v / largest) * barWidth : 0;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{Encode(label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{width:0.#}\" height=\"{rowHeight - 6}\" fill=\"#2f6db5\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6:0.#}\" y=\"{y + 15}\" font-size=\"12\">{Encode(Text(value, cents))}</text>");
        }

        html.Append("</svg></section>");
    }

    private static string Text(Figure figure, bool cents) =>
        figure.Suppressed ? "hidden"
        : figure.Value is not { } value ? "–"
        : cents ? (value / 100m).ToString("$#,##0", CultureInfo.InvariantCulture)
        : value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static string PeriodText(InsightsSummary summary)
    {
        var p = summary.Period;
        var period = (p.From, p.To) switch
        {
            (null, null) => "All time",
            ({ } from, null) => $"From {from:yyyy-MM-dd}",
            (null, { } to) => $"Until {to:yyyy-MM-dd}",
            ({ } from, { } to) => $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}",
        };
        var filters = summary.Filters;
        var named = new[]
        {
            p.Term is null ? null : $"term {p.Term}", filters.Department is null ? null : $"department {filters.Department}",
            filters.Discipline is null ? null : $"discipline {filters.Discipline}", filters.OrganizationId is null ? null : $"organization {filters.OrganizationId}",
            filters.CourseId is null ? null : $"course {filters.CourseId}", filters.FundId is null ? null : $"fund {filters.FundId}",
        }.OfType<string>().ToList();
        return named.Count == 0 ? period : $"{period}; {string.Join(", ", named)}";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
