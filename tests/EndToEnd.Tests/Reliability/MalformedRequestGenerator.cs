using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// Makes malformed requests from <see cref="FuzzTargets"/>: a route at random, a caller allowed to use it, and one
/// thing broken at random. The same seed makes the same requests, so a failure can be replayed.
/// </summary>
public sealed partial class MalformedRequestGenerator(ReliabilityWorld world, int seed)
{
    private const string Json = "application/json";
    private readonly Random _random = new(seed);

    public MalformedRequest Next()
    {
        while (true)
        {
            var target = _random.Pick(FuzzTargets.All);
            var caller = _random.Pick(target.Callers(world));
            var path = target.Path(world, caller);
            var request = target.ValidBody is { } validBody
                ? BreakBody(target, caller, path, validBody(world, caller))
                : BreakQueryOrPath(target, caller, path);
            if (request is not null)
            {
                return request;
            }
        }
    }

    private MalformedRequest? BreakBody(FuzzTarget target, Caller caller, string path, JsonObject body)
    {
        MalformedRequest Refused(string mutation, byte[]? content, string? contentType = Json) => new(target.Name, mutation, true, caller, target.Method, path, content, contentType);
        MalformedRequest Hostile(string mutation, JsonNode content) => new(target.Name, mutation, false, caller, target.Method, path, Utf8(content.ToJsonString()), Json);

        switch (_random.Next(14))
        {
            case 0:
                return Refused("broken JSON", Utf8(BrokenJson(body.ToJsonString(), target.OptionalBody)));
            case 1:
                return Refused("invalid UTF-8", [.. Utf8($"{{\"{FirstStringField(body) ?? "title"}\":\""), 0xC3, 0x28, 0xFF, .. Utf8("\"}")]);
            case 2 when Field(body) is var (parent, key):
                parent[key] = WrongKindFor(parent[key]);
                return Refused($"wrong type for {key}", Utf8(body.ToJsonString()));
            case 3 when Field(body) is var (parent, key):
                parent.Remove(key);
                return Hostile($"missing {key}", body);
            case 4 when Field(body) is var (parent, key):
                parent[key] = null;
                return Hostile($"null {key}", body);
            case 5:
                foreach (var field in HostileValues.MassAssignedFields)
                {
                    body[field] = field.EndsWith("At", StringComparison.Ordinal) ? DateTimeOffset.UtcNow.AddYears(-1).ToString("O") : field is "id" or "organizationId" or "studentId" or "partnerId" ? Guid.NewGuid().ToString() : field == "status" ? "paid" : 999;
                }

                return Hostile("mass-assigned fields", body);
            case 6 when Field(body, JsonValueKind.String) is var (parent, key):
                parent[key] = new string('x', _random.Next(100_000, 900_000));
                return Hostile($"huge {key}", body);
            case 7 when Field(body) is var (parent, key):
                parent[key] = new JsonArray([.. Enumerable.Range(0, 50_000).Select(i => (JsonNode?)JsonValue.Create($"item {i}"))]);
                return Refused($"huge array for {key}", Utf8(body.ToJsonString()));
            case 8 when Field(body, JsonValueKind.Number) is var (parent, key):
                if (_random.Next(3) == 0)
                {
                    var overflowing = _random.Pick(HostileValues.OverflowingNumbers);
                    parent[key] = "\u0001";
                    return Refused($"overflowing {key}", Utf8(body.ToJsonString().Replace("\"\\u0001\"", overflowing, StringComparison.Ordinal)));
                }

                parent[key] = _random.Pick(HostileValues.EdgeNumbers)?.DeepClone();
                return Hostile($"edge number for {key}", body);
            case 9 when Field(body, JsonValueKind.String, key => key.EndsWith("At", StringComparison.Ordinal) || key.EndsWith("Deadline", StringComparison.Ordinal) || key == "date") is var (parent, key):
                parent[key] = _random.Pick(HostileValues.Dates);
                return Hostile($"bad date for {key}", body);
            case 10 when body.ContainsKey("timeZone"):
                body["timeZone"] = _random.Pick(HostileValues.TimeZones);
                return Hostile("bad time zone", body);
            case 11 when Field(body, JsonValueKind.String) is var (parent, key):
                if (_random.Next(4) == 0)
                {
                    parent[key] = "\u0001";
                    return Refused($"unpaired surrogate in {key}", Utf8(body.ToJsonString().Replace("\"\\u0001\"", _random.Pick(HostileValues.BrokenSurrogates), StringComparison.Ordinal)));
                }

                parent[key] = _random.Next(2) == 0 ? _random.Pick(HostileValues.Text) : _random.Pick(HostileValues.Injections);
                return Hostile($"awkward text in {key}", body);
            case 12:
                return Refused("oversized body", Utf8($"{{\"title\":\"{new string('x', 1_200_000)}\"}}"));
            case 13:
                var (contentType, content) = _random.Pick<(string?, string)>(
                [
                    ("text/plain", body.ToJsonString()), ("application/xml", "<listing><title>x</title></listing>"),
                    ("application/x-www-form-urlencoded", "title=x&openings=1"), ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--b--"),
                    (null, body.ToJsonString()), ("application/json; charset=utf-16", body.ToJsonString()), ("application/json", ""),
                ]);
                // An empty JSON body is no body, which a route with an optional body may accept.
                return new(target.Name, "wrong content type", content.Length > 0, caller, target.Method, path, Utf8(content), contentType);
            default:
                return null;
        }
    }

    private MalformedRequest? BreakQueryOrPath(FuzzTarget target, Caller caller, string path)
    {
        var parameters = target.QueryParameters ?? [];
        if (_random.Next(4) == 0 && Guids().Match(path) is { Success: true } id)
        {
            var badPath = string.Concat(path.AsSpan(0, id.Index), _random.Pick(HostileValues.PathIds), path.AsSpan(id.Index + id.Length));
            return new(target.Name, "bad id in path", true, caller, target.Method, badPath, null, null);
        }

        if (parameters.Count == 0)
        {
            return null;
        }

        var query = string.Join('&', Enumerable.Range(0, _random.Next(1, 4)).Select(_ =>
            $"{_random.Pick(parameters)}={Uri.EscapeDataString(_random.Pick(HostileValues.QueryValues))}"));
        if (_random.Next(5) == 0)
        {
            query += $"&{_random.Pick(parameters)}=a&{_random.Pick(parameters)}=b&unknown=1";
        }

        return new(target.Name, "bad query", false, caller, target.Method, $"{path}?{query}", null, null);
    }

    /// <summary>Bodies that are not the object a route reads; an empty one and <c>null</c> join them where a body is required.</summary>
    private static readonly string[] _notObjects = ["[]", "123", "\"text\"", "true", "{", "}"];

    private string BrokenJson(string json, bool optionalBody) => _random.Next(8) switch
    {
        0 => json[..Math.Max(1, _random.Next(json.Length - 1))],
        1 => json.Insert(1, _random.Pick(["{", "}", "[", "]", ":", ",", "\"", "\\", "'"])),
        2 => string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000)),
        3 => json.Replace("\"", "'", StringComparison.Ordinal),
        4 => json.TrimEnd('}') + ",}",
        5 => "{/* a comment */" + json[1..],
        6 => _random.Pick(optionalBody ? _notObjects : [.. _notObjects, "", "null"]),
        _ => json + json,
    };

    /// <summary>A field of the body or of an object nested in it (e.g. <c>compensation.amountCents</c>), of the given kind if asked.</summary>
    private (JsonObject Parent, string Key)? Field(JsonObject body, JsonValueKind? kind = null, Func<string, bool>? named = null)
    {
        var fields = Fields(body).Where(f => (kind is null || f.Parent[f.Key]?.GetValueKind() == kind) && (named is null || named(f.Key))).ToList();
        return fields.Count == 0 ? null : _random.Pick(fields);
    }

    private static IEnumerable<(JsonObject Parent, string Key)> Fields(JsonObject body)
    {
        foreach (var (key, value) in body.ToList())
        {
            yield return (body, key);
            if (value is JsonObject nested)
            {
                foreach (var field in Fields(nested))
                {
                    yield return field;
                }
            }
            else if (value is JsonArray { Count: > 0 } array && array[0] is JsonObject element)
            {
                foreach (var field in Fields(element))
                {
                    yield return field;
                }
            }
        }
    }

    private JsonNode? WrongKindFor(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => _random.Pick<JsonNode?>([12, true, new JsonObject { ["a"] = 1 }, new JsonArray(1, 2)]),
        JsonValueKind.Number => _random.Pick<JsonNode?>(["twenty", false, new JsonObject(), new JsonArray()]),
        JsonValueKind.Array => _random.Pick<JsonNode?>(["testing", 3, new JsonObject { ["0"] = "x" }]),
        JsonValueKind.Object => _random.Pick<JsonNode?>(["USD 400", 40_000, new JsonArray("a")]),
        JsonValueKind.True or JsonValueKind.False => _random.Pick<JsonNode?>(["yes", 1, new JsonArray()]),
        _ => _random.Pick<JsonNode?>([new JsonObject { ["nested"] = true }, new JsonArray(1), false]),
    };

    private static string? FirstStringField(JsonObject body) => body.FirstOrDefault(f => f.Value?.GetValueKind() == JsonValueKind.String).Key;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guids();
}
