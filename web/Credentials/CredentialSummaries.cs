using System.Globalization;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Web.Credentials;

/// <summary>Reads an Open Badges 3.0 credential's JSON for people; anything missing or oddly shaped is left out, never fatal.</summary>
public static class CredentialSummaries
{
    /// <summary>The summary of the credential a JWT signs, without checking the signature (the API that handed it over is trusted).</summary>
    public static CredentialSummary? FromJwt(string jwt)
    {
        var parts = jwt.Split('.');
        try
        {
            using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts.Length == 3 ? parts[1] : ""));
            return Read(payload.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    public static CredentialSummary Read(JsonElement credential)
    {
        var subject = Property(credential, "credentialSubject");
        var achievement = subject is { } s ? Property(s, "achievement") : null;
        var evidence = Items(credential, "evidence")
            .GroupBy(e => Text(e, "name") ?? "")
            .ToDictionary(named => named.Key, named => Text(named.First(), "narrative"));
        var competencies = (achievement is { } a ? Items(a, "alignment") : [])
            .Select(alignment => Text(alignment, "targetName"))
            .OfType<string>()
            .Select(name => new EndorsedCompetency(name, evidence.GetValueOrDefault(name)))
            .ToList();
        var issuer = Property(credential, "issuer");
        var name = subject is { } named
            ? Items(named, "identifier").Where(i => Text(i, "identityType") == "name").Select(i => Text(i, "identityHash")).FirstOrDefault()
            : null;
        return new CredentialSummary(
            Text(credential, "id"),
            Text(credential, "name"),
            achievement is { } titled ? Text(titled, "name") : null,
            Text(credential, "description"),
            subject is { } sourced && Property(sourced, "source") is { } source ? Text(source, "name") : null,
            issuer is { ValueKind: JsonValueKind.Object } profile ? Text(profile, "name") : issuer?.ToString(),
            name,
            Moment(credential, "validFrom"),
            Moment(credential, "validUntil"),
            Moment(credential, "awardedDate"),
            subject is { } told ? Text(told, "narrative") : null,
            competencies);
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object) : [];

    private static DateTimeOffset? Moment(JsonElement element, string name) =>
        DateTimeOffset.TryParse(Text(element, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) ? moment : null;
}
