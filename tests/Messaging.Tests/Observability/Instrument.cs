namespace MicroInternships.Messaging.Tests.Observability;

public enum InstrumentKind
{
    Counter,
    UpDownCounter,
    Histogram,
    Gauge,
    ObservableCounter,
    ObservableUpDownCounter,
    ObservableGauge,
}

/// <summary>An instrument as a meter creates it: what the collector translates into Prometheus series.</summary>
public sealed record Instrument(string Meter, string Name, string? Unit, InstrumentKind Kind);
