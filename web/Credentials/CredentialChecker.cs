using System.Net;
using System.Text.Json;
using MicroInternships.Credentials;
using MicroInternships.Web.Api;
using Polly.Timeout;

namespace MicroInternships.Web.Credentials;

/// <summary>
/// Checks a credential as an employer's verifier would, through the gateway only: its signature against the
/// program's published keys, its validity dates, and its bit in the revocation status list (whose own signature is
/// checked too). A credential is given as its JWT, its link on this site or the API, or its id.
/// </summary>
public sealed class CredentialChecker(IHttpClientFactory clients, Visitor visitor, TimeProvider clock)
{
    private const string StatusListPath = "/api/credentials/status/";

    /// <returns>The report, or the problem that stopped the check, in words for people.</returns>
    public async Task<(CredentialReport? Report, string? Problem)> CheckAsync(string given, CancellationToken cancellationToken = default)
    {
        try
        {
            var text = given.Trim();
            var (jwt, missing) = CredentialInput.IsJwt(text) ? (text, null)
                : CredentialInput.IdOf(text) is { } id ? await JwtOfAsync(id, cancellationToken)
                : (null, "Paste a credential (a long text of three parts separated by dots) or its link.");
            if (jwt is null)
            {
                return (null, missing);
            }

            var keys = await GetStringAsync("/.well-known/jwks.json", cancellationToken);
            var signature = await CredentialSignature.CheckAsync(jwt, keys);
            if (signature.Payload is not { } payload)
            {
                return (null, signature.Problem);
            }

            var summary = CredentialSummaries.Read(payload);
            var validity = ValidityProblem(summary);
            var status = signature.Valid ? await StatusAsync(payload, keys, cancellationToken) : StatusCheck.Unknown;
            return (new CredentialReport(signature, status, validity is null, validity, summary), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, "The program's service could not be reached to check the credential. Try again in a moment.");
        }
    }

    private string? ValidityProblem(CredentialSummary summary)
    {
        var now = clock.GetUtcNow();
        return summary.ValidFrom is not { } from ? "The credential does not say from when it is valid."
            : from > now.AddMinutes(5) ? "The credential is not valid yet."
            : summary.ValidUntil is { } until && until < now ? "The credential has expired."
            : null;
    }

    /// <returns>The credential's JWT, or why there is none to check.</returns>
    private async Task<(string? Jwt, string? Missing)> JwtOfAsync(string credentialId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync($"/api/credentials/{Uri.EscapeDataString(credentialId)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, "No credential has this link. Check that it was copied whole.");
        }

        response.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return body.RootElement.TryGetProperty("jwt", out var jwt) && jwt.ValueKind == JsonValueKind.String
            ? (jwt.GetString(), null)
            : (null, "Its holder replaced this credential with a newer one, so it no longer stands. Ask them for the new link.");
    }

    /// <summary>The credential's bit in its status list, read only from this program's lists, whose signature must hold too.</summary>
    private async Task<StatusCheck> StatusAsync(JsonElement payload, string keys, CancellationToken cancellationToken)
    {
        if (!payload.TryGetProperty("credentialStatus", out var status)
            || !Uri.TryCreate(status.TryGetProperty("statusListCredential", out var list) ? list.GetString() : null, UriKind.Absolute, out var listUrl)
            || !listUrl.AbsolutePath.StartsWith(StatusListPath, StringComparison.Ordinal)
            || !int.TryParse(status.TryGetProperty("statusListIndex", out var index) ? index.GetString() : null, out var bit))
        {
            return StatusCheck.Unknown;
        }

        using var response = await SendAsync(listUrl.AbsolutePath, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return StatusCheck.Unknown;
        }

        var listCheck = await CredentialSignature.CheckAsync(await response.Content.ReadAsStringAsync(cancellationToken), keys);
        if (!listCheck.Valid || listCheck.Payload is not { } listPayload
            || !listPayload.TryGetProperty("credentialSubject", out var subject)
            || !subject.TryGetProperty("encodedList", out var encoded))
        {
            return StatusCheck.Unknown;
        }

        try
        {
            return StatusListBits.IsSet(encoded.GetString() ?? "", bit) ? StatusCheck.Revoked : StatusCheck.NotRevoked;
        }
        catch (FormatException)
        {
            return StatusCheck.Unknown;
        }
    }

    private async Task<string> GetStringAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private Task<HttpResponseMessage> SendAsync(string path, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(GatewayClient.HttpClientName);
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.ForwardFor(visitor.Address);
        return http.SendAsync(request, cancellationToken);
    }
}
