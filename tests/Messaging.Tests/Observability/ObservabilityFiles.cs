using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MicroInternships.Testing;

namespace MicroInternships.Messaging.Tests.Observability;

/// <summary>An alert rule of deploy/observability/alerts.yaml, read as the file writes it.</summary>
public sealed record AlertRule(string Name, string Expression, string? RunbookUrl);

/// <summary>A PromQL expression of a rule or dashboard, and where it is.</summary>
public sealed record Query(string Where, string Expression);

/// <summary>
/// The alert rules and dashboards under deploy/observability. The rules file is read line by line in the one layout
/// it uses (<c>- alert:</c>, <c>expr: |</c> and its indented block, <c>runbook_url:</c>); check-observability.sh
/// parses it as YAML and promtool checks it.
/// </summary>
public static partial class ObservabilityFiles
{
    public static string Directory { get; } = Path.Combine(Repository.Root, "deploy", "observability");

    public static IReadOnlyList<AlertRule> Alerts()
    {
        var lines = File.ReadAllLines(Path.Combine(Directory, "alerts.yaml"));
        var rules = new List<AlertRule>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Alert().Match(lines[i]) is not { Success: true } alert)
            {
                continue;
            }

            var expression = "";
            string? runbook = null;
            for (var j = i + 1; j < lines.Length && !Alert().IsMatch(lines[j]) && !lines[j].TrimStart().StartsWith("- name:", StringComparison.Ordinal); j++)
            {
                if (Key("expr").Match(lines[j]) is { Success: true } expr)
                {
                    expression = expr.Groups["value"].Value.Trim() is "|" or ">" ? Block(lines, j) : expr.Groups["value"].Value;
                }
                else if (Key("runbook_url").Match(lines[j]) is { Success: true } url)
                {
                    runbook = url.Groups["value"].Value.Trim().Trim('"');
                }
            }

            rules.Add(new AlertRule(alert.Groups["name"].Value.Trim(), expression, runbook));
        }

        return rules;
    }

    public static IEnumerable<Query> Queries() =>
        Alerts().Select(a => new Query($"alerts.yaml {a.Name}", a.Expression)).Concat(DashboardQueries());

    public static IEnumerable<Query> DashboardQueries()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "dashboards"), "*.json").Order())
        {
            var board = JsonNode.Parse(File.ReadAllText(file))!;
            var name = Path.GetFileName(file);
            foreach (var variable in board["templating"]?["list"]?.AsArray() ?? [])
            {
                var query = variable?["query"] is JsonObject q ? q["query"]?.GetValue<string>() : null;
                if (query is not null && LabelValues().Match(query) is { Success: true } selector)
                {
                    yield return new Query($"{name} variable {variable!["name"]}", selector.Groups["selector"].Value);
                }
            }

            foreach (var panel in Panels(board["panels"]?.AsArray() ?? []))
            {
                foreach (var target in panel["targets"]?.AsArray() ?? [])
                {
                    yield return new Query($"{name} panel \"{panel["title"]}\"", target?["expr"]?.GetValue<string>() ?? "");
                }
            }
        }
    }

    private static IEnumerable<JsonNode> Panels(JsonArray panels) =>
        panels.OfType<JsonNode>().SelectMany(p => Panels(p["panels"]?.AsArray() ?? []).Prepend(p));

    private static string Block(string[] lines, int keyLine)
    {
        var indent = lines[keyLine].Length - lines[keyLine].TrimStart().Length;
        return string.Join('\n', lines.Skip(keyLine + 1)
            .TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length > indent));
    }

    [GeneratedRegex(@"^\s*-\s*alert:\s*(?<name>.+)$")]
    private static partial Regex Alert();

    private static Regex Key(string key) => new($@"^\s*{key}:\s*(?<value>.*)$");

    [GeneratedRegex(@"^\s*label_values\((?<selector>.+),\s*\w+\)\s*$")]
    private static partial Regex LabelValues();
}
