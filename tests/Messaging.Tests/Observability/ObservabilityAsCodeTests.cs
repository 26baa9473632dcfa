using System.Text.RegularExpressions;
using MicroInternships.Testing;

namespace MicroInternships.Messaging.Tests.Observability;

/// <summary>
/// The alert rules and dashboards of deploy/observability (docs/operations.md, "Dashboards" and "Alerts") select
/// only series the code or a library it uses exports, and the rules and docs/operations.md's Alerts table and
/// runbooks are one to one.
/// </summary>
public sealed partial class ObservabilityAsCodeTests
{
    /// <summary>
    /// Series that no .NET instrument makes. Empty: the RabbitMQ plugin's queue depths (rabbitmq_detailed_queue_*)
    /// would go here once Prometheus may scrape the broker.
    /// </summary>
    private static readonly HashSet<string> _external = [];

    private static readonly string _operations = File.ReadAllText(Path.Combine(Repository.Root, "docs", "operations.md"));

    [Fact]
    public void EveryMetricARuleOrPanelSelects_IsOneTheCodeOrALibraryExports()
    {
        var exported = Exported();
        var unknown = ObservabilityFiles.Queries()
            .SelectMany(q => PromQl.MetricNames(q.Expression).Where(n => !exported.Contains(n)).Select(n => $"{q.Where}: {n}"))
            .ToList();

        Assert.True(unknown.Count == 0, $"Series no instrument exports:\n{string.Join('\n', unknown)}");
    }

    [Fact]
    public void TheCheck_RejectsASeriesNothingExports()
    {
        var names = PromQl.MetricNames(
            """sum by (service_name, le) (rate(outbox_backlog_seconds_bucket{service_name=~"$service", route="a{b}"}[$__rate_interval]))""" +
            """ / on (service_name) group_left sum(increase(outbox_messages_published_total[1h] offset 1d)) > 0.5 * vector(1e3)""");

        Assert.Equal(["outbox_backlog_seconds_bucket", "outbox_messages_published_total"], names.Order());
        Assert.DoesNotContain("outbox_backlog_seconds_bucket", Exported());
        Assert.Contains("outbox_messages_published_total", Exported());
    }

    [Fact]
    public void TheCodesInstruments_AreAllRead()
    {
        var (instruments, unreadable) = CodeInstruments.Scan();

        Assert.True(unreadable.Count == 0, $"Instruments whose name or unit is not a string literal:\n{string.Join('\n', unreadable)}");
        Assert.Contains(new Instrument("", "outbox.oldest_unsent.age", "s", InstrumentKind.ObservableGauge), instruments);
        Assert.Contains(new Instrument("", "notifications.stream.lag", "s", InstrumentKind.Histogram), instruments);
        Assert.Contains(new Instrument("", "webhooks.received", "{delivery}", InstrumentKind.Counter), instruments);
    }

    [Theory]
    [InlineData("http.server.request.duration", "s", InstrumentKind.Histogram, "http_server_request_duration_seconds_bucket")]
    [InlineData("outbox.messages.published", "{message}", InstrumentKind.Counter, "outbox_messages_published_total")]
    [InlineData("outbox.oldest_unsent.age", "s", InstrumentKind.ObservableGauge, "outbox_oldest_unsent_age_seconds")]
    [InlineData("consumer.error_queue.arrivals", "{message}", InstrumentKind.Counter, "consumer_error_queue_arrivals_total")]
    [InlineData("dotnet.process.memory.working_set", "By", InstrumentKind.ObservableUpDownCounter, "dotnet_process_memory_working_set_bytes")]
    [InlineData("dotnet.thread_pool.queue.length", "{work_item}", InstrumentKind.ObservableCounter, "dotnet_thread_pool_queue_length_total")]
    [InlineData("messaging.masstransit.consume", "ea", InstrumentKind.Counter, "messaging_masstransit_consume_ea_total")]
    [InlineData("db.client.operation.npgsql.prepared_ratio", null, InstrumentKind.ObservableGauge, "db_client_operation_npgsql_prepared_ratio")]
    [InlineData("cache.hits", "1", InstrumentKind.ObservableGauge, "cache_hits_ratio")]
    [InlineData("requests.total", "1", InstrumentKind.Counter, "requests_total")]
    [InlineData("transfer.rate", "By/s", InstrumentKind.Gauge, "transfer_rate_bytes_per_second")]
    [InlineData("health.check.healthy", null, InstrumentKind.ObservableGauge, "health_check_healthy")]
    public void SeriesNames_AreTheCollectorsTranslation(string name, string? unit, InstrumentKind kind, string series) =>
        Assert.Contains(series, PrometheusNames.Of(new Instrument("", name, unit, kind)));

    [Fact]
    public void EveryAlert_IsARowOfTheAlertsTable_AndEveryRowAnAlert()
    {
        var rules = ObservabilityFiles.Alerts().Select(a => a.Name).ToList();
        var rows = TableRows(Section(_operations, "Alerts")).Select(r => r[0]).ToList();

        Assert.Equal(rules.Count, rules.Distinct().Count());
        Assert.Equal(rules.Order(), rows.Order());
    }

    [Fact]
    public void EveryAlert_HasAQueryAndLinksToARunbookSectionOfOperationsMd()
    {
        var headings = Heading().Matches(_operations).Select(m => Anchor(m.Groups["title"].Value)).ToHashSet();
        var runbooks = Heading().Matches(Section(_operations, "Runbooks")).Select(m => Anchor(m.Groups["title"].Value)).ToHashSet();

        Assert.All(ObservabilityFiles.Alerts(), alert =>
        {
            Assert.False(string.IsNullOrWhiteSpace(alert.Expression), $"{alert.Name} has no expr");
            Assert.StartsWith("docs/operations.md#", alert.RunbookUrl);
            var anchor = alert.RunbookUrl!.Split('#')[1];
            Assert.True(headings.Contains(anchor) && runbooks.Contains(anchor), $"{alert.Name}: #{anchor} is no runbook in docs/operations.md");
        });
    }

    private static HashSet<string> Exported()
    {
        var (code, _) = CodeInstruments.Scan();
        return code.Concat(LibraryInstruments.All).SelectMany(PrometheusNames.Of).Concat(_external).ToHashSet();
    }

    private static string Section(string markdown, string title)
    {
        var start = markdown.IndexOf($"\n## {title}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/operations.md has no \"## {title}\"");
        var end = markdown.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return markdown[start..(end < 0 ? markdown.Length : end)];
    }

    private static IEnumerable<string[]> TableRows(string section) =>
        section.Split('\n')
            .Where(l => l.StartsWith('|'))
            .Skip(2)
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray());

    // GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
    private static string Anchor(string title) =>
        Regex.Replace(title.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd} _-]", "").Replace(' ', '-');

    [GeneratedRegex(@"^#{2,4} (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
