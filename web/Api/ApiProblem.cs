using System.Net;
using System.Text.Json;
using MicroInternships.Clients;
using Microsoft.Kiota.Abstractions;

namespace MicroInternships.Web.Api;

/// <summary>
/// What went wrong with a call, from the API's problem details: said in plain words for people, with the
/// per-field messages kept so a form can show each next to its field.
/// </summary>
public sealed record ApiProblem(int Status, string? Title, string? Detail, string? Code, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> _noErrors = new Dictionary<string, string[]>();

    public static ApiProblem Unreachable { get; } = new(0, null, "The platform could not be reached. Check your connection and try again.", "unreachable", _noErrors);

    /// <summary>No answer in time: unlike <see cref="Unreachable"/>, the platform may have done it, so check before repeating.</summary>
    public static ApiProblem NoAnswer { get; } = new(0, null, "The platform did not answer in time. It may still have done this: reload the page to check before trying again.", "no_answer", _noErrors);

    /// <summary>An answer the site could not read (not problem details): the platform, or something before it, is failing.</summary>
    public static ApiProblem Unreadable { get; } = new((int)HttpStatusCode.BadGateway, null, null, "unreadable_answer", _noErrors);

    public static ApiProblem SignedOut { get; } = new((int)HttpStatusCode.Unauthorized, null, "Your session has ended. Sign in again to continue.", "signed_out", _noErrors);

    public string Describe() => Status switch
    {
        401 => "Your session has ended. Sign in again to continue.",
        404 when Detail is null => "This was not found, or it is not yours to see.",
        409 when Code == "idempotency_request_in_progress" =>
            "This is still being processed: the platform is taking longer than usual. Reload the page in a moment to see whether it went through.",
        412 => "Someone else saved a change since you opened this page. Reload it to see theirs, then make yours again.",
        429 => "Too many requests in a short time. Wait a moment and try again.",
        >= 500 => "The platform is having trouble right now. Try again in a moment.",
        _ => Detail ?? Title ?? "The request could not be completed.",
    };

    /// <summary>The messages for one field, matched the way the API names it (<c>compensation.amountCents</c> matches <c>amountCents</c>).</summary>
    public IReadOnlyList<string> For(string field) =>
        Errors.Where(error => Matches(error.Key, field)).SelectMany(error => error.Value).ToList();

    /// <summary>Messages for fields that no form input shows, so none is lost.</summary>
    public IReadOnlyList<string> Except(IReadOnlyCollection<string> shownFields) =>
        Errors.Where(error => !shownFields.Any(field => Matches(error.Key, field))).SelectMany(error => error.Value).ToList();

    /// <summary>The problem a generated client raised: the service's problem details, or only the status when it sent none.</summary>
    public static ApiProblem From(ApiException refused) => refused is IApiProblem problem
        ? new(refused.ResponseStatusCode, problem.Title, problem.Detail, problem.Code, problem.FieldErrors)
        : new(refused.ResponseStatusCode, null, null, null, _noErrors);

    /// <summary>The problem in a response read without a generated client (the development token endpoint).</summary>
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return new(status, response.ReasonPhrase, null, null, _noErrors);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var root = document.RootElement;
            return new(status, Text(root, "title"), Text(root, "detail"), Text(root, "code"), FieldErrors(root));
        }
        catch (JsonException)
        {
            return new(status, response.ReasonPhrase, null, null, _noErrors);
        }
    }

    private static bool Matches(string key, string field) =>
        key.Equals(field, StringComparison.OrdinalIgnoreCase) || key.EndsWith("." + field, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase) || key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string[]> FieldErrors(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("errors", out var map) || map.ValueKind != JsonValueKind.Object)
        {
            return errors;
        }

        foreach (var field in map.EnumerateObject())
        {
            errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                ? field.Value.EnumerateArray().Select(message => message.ToString()).ToArray()
                : [field.Value.ToString()];
        }

        return errors;
    }
}
