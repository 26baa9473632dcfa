using System.Text;
using System.Text.RegularExpressions;
using MicroInternships.Testing;

namespace MicroInternships.Messaging.Tests.Observability;

/// <summary>
/// The instruments the repository's own code creates (<c>meter.CreateCounter&lt;long&gt;("name", "unit", ...)</c> and
/// the other Create methods), read from the sources of every deployed project. A name or unit that is not a string
/// literal is reported rather than skipped, so no instrument goes unseen.
/// </summary>
public static partial class CodeInstruments
{
    private static readonly string[] _projects = ["ServiceDefaults", "libs", "services", "gateway", "web"];

    public static (IReadOnlyList<Instrument> Instruments, IReadOnlyList<string> Unreadable) Scan()
    {
        var instruments = new List<Instrument>();
        var unreadable = new List<string>();
        var files = _projects
            .Select(p => Path.Combine(Repository.Root, p))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        foreach (var file in files)
        {
            var source = File.ReadAllText(file);
            foreach (Match call in Create().Matches(source))
            {
                var where = $"{Path.GetRelativePath(Repository.Root, file)}:{source[..call.Index].Count(c => c == '\n') + 1}";
                var kind = Enum.Parse<InstrumentKind>(call.Groups["kind"].Value);
                if (Read(kind, Arguments(source, call.Index + call.Length)) is { } instrument)
                {
                    instruments.Add(instrument);
                }
                else
                {
                    unreadable.Add(where);
                }
            }
        }

        return (instruments, unreadable);
    }

    private static Instrument? Read(InstrumentKind kind, List<string> arguments)
    {
        var observable = kind.ToString().StartsWith("Observable", StringComparison.Ordinal);
        var named = arguments.Select(a => NamedArgument().Match(a)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Trim());
        var positional = arguments.Where(a => !NamedArgument().IsMatch(a)).Select(a => a.Trim()).ToList();
        var name = named.GetValueOrDefault("name") ?? positional.ElementAtOrDefault(0);
        var unitIndex = observable ? 2 : 1;
        var unit = named.GetValueOrDefault("unit") ?? positional.ElementAtOrDefault(unitIndex);
        unit = unit is "null" or "default" ? null : unit;
        if (Literal(name) is not { } literalName || (unit is not null && Literal(unit) is null))
        {
            return null;
        }

        return new Instrument("", literalName, unit is null ? null : Literal(unit), kind);
    }

    private static string? Literal(string? argument)
    {
        var match = StringLiteral().Match(argument ?? "");
        return match.Success ? Regex.Unescape(match.Groups["text"].Value) : null;
    }

    // The call's arguments, split at its top-level commas (nested calls, lambdas, collections and strings skipped).
    private static List<string> Arguments(string source, int start)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = start; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '"')
            {
                var end = i + 1;
                while (end < source.Length && source[end] != '"')
                {
                    end += source[end] == '\\' ? 2 : 1;
                }

                current.Append(source, i, end - i + 1);
                i = end;
                continue;
            }

            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                if (depth-- == 0)
                {
                    break;
                }
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        if (current.ToString().Trim().Length > 0)
        {
            arguments.Add(current.ToString());
        }

        return arguments;
    }

    [GeneratedRegex(@"\.Create(?<kind>Counter|UpDownCounter|Histogram|Gauge|ObservableCounter|ObservableUpDownCounter|ObservableGauge)\s*(<[^>()]*>)?\s*\(")]
    private static partial Regex Create();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_]\w*)\s*:(?!:)(?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex NamedArgument();

    [GeneratedRegex(@"^\s*""(?<text>(?:[^""\\]|\\.)*)""\s*$")]
    private static partial Regex StringLiteral();
}
