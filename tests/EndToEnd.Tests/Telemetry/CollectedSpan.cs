namespace MicroInternships.EndToEnd.Tests.Telemetry;

/// <summary>One span as a service exported it over OTLP; ids in lower-case hex, as W3C writes them.</summary>
public sealed record CollectedSpan(
    string Service,
    string Scope,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    SpanKind Kind,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<(string TraceId, string SpanId)> Links);

/// <summary>OTLP's span kinds, by their wire numbers.</summary>
public enum SpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}
