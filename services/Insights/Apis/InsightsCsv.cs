using System.Globalization;
using System.Text;
using CsvHelper;

namespace MicroInternships.Insights.Apis;

/// <summary>The summary's rows as CSV: the period and filters first, then one line per figure; a hidden figure reads <c>suppressed</c>.</summary>
public static class InsightsCsv
{
    public static async Task<byte[]> WriteAsync(InsightsSummary summary)
    {
        // Quoted per RFC 4180, and a cell a spreadsheet would read as a formula (=, +, -, @, tab, CR) starts with '.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, InjectionCharacters = "=+-@\t\r", InjectionEscape = '\'', NewLine = "\r\n" };
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = CsvWriter.Create(text, options, leaveOpen: true))
        {
            csv.WriteRecord(["section", "measure", "breakdown", "value"]);
            var p = summary.Period;
            var filters = summary.Filters;
            csv.WriteRecord(["period", "from", "", Day(p.From)]);
            csv.WriteRecord(["period", "to", "", Day(p.To)]);
            csv.WriteRecord(["period", "term", "", p.Term ?? ""]);
            csv.WriteRecord(["period", "timeZone", "", p.TimeZone]);
            csv.WriteRecord(["period", "asOf", "", summary.AsOf?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) ?? ""]);
            csv.WriteRecord(["filter", "department", "", filters.Department ?? ""]);
            csv.WriteRecord(["filter", "discipline", "", filters.Discipline ?? ""]);
            csv.WriteRecord(["filter", "organizationId", "", filters.OrganizationId?.ToString() ?? ""]);
            csv.WriteRecord(["filter", "courseId", "", filters.CourseId?.ToString() ?? ""]);
            csv.WriteRecord(["filter", "fundId", "", filters.FundId?.ToString() ?? ""]);
            foreach (var row in InsightsRow.Of(summary))
            {
                csv.WriteRecord([row.Section, row.Measure, row.Breakdown, row.ValueText]);
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
