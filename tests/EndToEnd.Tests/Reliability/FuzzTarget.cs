using System.Text.Json.Nodes;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// One route to aim malformed requests at: who may call it (so the request gets past authorization to the
/// service's own checks), the path for that caller, a valid body to break, and the query parameters it reads.
/// <paramref name="OptionalBody"/>: the route takes no body as well, so an empty body or <c>null</c> is not broken there.
/// </summary>
public sealed record FuzzTarget(
    string Name,
    HttpMethod Method,
    Func<ReliabilityWorld, IReadOnlyList<Caller>> Callers,
    Func<ReliabilityWorld, Caller, string> Path,
    Func<ReliabilityWorld, Caller, JsonObject>? ValidBody = null,
    IReadOnlyList<string>? QueryParameters = null,
    bool OptionalBody = false);
