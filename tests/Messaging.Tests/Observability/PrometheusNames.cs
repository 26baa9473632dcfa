using System.Text.RegularExpressions;

namespace MicroInternships.Messaging.Tests.Observability;

/// <summary>
/// The series names the collector's Prometheus translation (prometheus/otlptranslator, with suffixes, as the
/// prometheusremotewrite and prometheus exporters use it) gives an instrument: the name split at every character
/// outside [a-zA-Z0-9:] and joined with underscores, the unit appended unless the name holds it already (UCUM units
/// spelt out, per-units as per_x, {annotations} dropped), _total on monotonic sums, _ratio on gauges whose unit is
/// 1, and a histogram's _bucket, _sum and _count.
/// </summary>
public static partial class PrometheusNames
{
    private static readonly Dictionary<string, string> _units = new()
    {
        ["d"] = "days", ["h"] = "hours", ["min"] = "minutes", ["s"] = "seconds", ["ms"] = "milliseconds",
        ["us"] = "microseconds", ["ns"] = "nanoseconds", ["By"] = "bytes", ["KiBy"] = "kibibytes", ["MiBy"] = "mebibytes",
        ["GiBy"] = "gibibytes", ["TiBy"] = "tibibytes", ["KBy"] = "kilobytes", ["MBy"] = "megabytes", ["GBy"] = "gigabytes",
        ["TBy"] = "terabytes", ["m"] = "meters", ["V"] = "volts", ["A"] = "amperes", ["J"] = "joules", ["W"] = "watts",
        ["g"] = "grams", ["Cel"] = "celsius", ["Hz"] = "hertz", ["1"] = "", ["%"] = "percent",
    };

    private static readonly Dictionary<string, string> _perUnits = new()
    {
        ["s"] = "second", ["m"] = "minute", ["h"] = "hour", ["d"] = "day", ["w"] = "week", ["mo"] = "month", ["y"] = "year",
    };

    public static IEnumerable<string> Of(Instrument instrument)
    {
        var name = BaseName(instrument.Name, instrument.Unit ?? "", instrument.Kind);
        return instrument.Kind == InstrumentKind.Histogram ? [$"{name}_bucket", $"{name}_sum", $"{name}_count"] : [name];
    }

    private static string BaseName(string name, string unit, InstrumentKind kind)
    {
        var tokens = Invalid().Split(name).Where(t => t.Length > 0).ToList();
        var parts = unit.Split('/', 2);
        var main = UnitToken(parts[0], u => _units.GetValueOrDefault(u, u));
        var per = parts.Length > 1 ? UnitToken(parts[1], u => _perUnits.GetValueOrDefault(u, u)) : "";
        per = per.Length > 0 ? $"per_{per}" : "";
        if (main.Length > 0 && !tokens.Contains(main))
        {
            tokens.Add(main);
        }

        if (per.Length > 0 && !tokens.Contains(per))
        {
            tokens.Add(per);
        }

        if (kind is InstrumentKind.Counter or InstrumentKind.ObservableCounter)
        {
            tokens.RemoveAll(t => t == "total");
            tokens.Add("total");
        }

        if (unit == "1" && kind is InstrumentKind.Gauge or InstrumentKind.ObservableGauge)
        {
            tokens.RemoveAll(t => t == "ratio");
            tokens.Add("ratio");
        }

        return string.Join('_', tokens);
    }

    private static string UnitToken(string unit, Func<string, string> map)
    {
        unit = unit.Trim();
        if (unit.Length == 0 || unit.Contains('{') || unit.Contains('}'))
        {
            return "";
        }

        return Underscores().Replace(Invalid().Replace(map(unit), "_"), "_").TrimStart('_').TrimEnd('_');
    }

    [GeneratedRegex("[^a-zA-Z0-9:]")]
    private static partial Regex Invalid();

    [GeneratedRegex("_+")]
    private static partial Regex Underscores();
}
