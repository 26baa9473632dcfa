using MicroInternships.Credentials;

namespace MicroInternships.Web.Credentials;

/// <summary>What a person pastes into the verify page: a credential's JWT, its link (the site's or the API's), or its id.</summary>
public static class CredentialInput
{
    public static bool IsJwt(string text) =>
        text.Count(c => c == '.') == 2 && text.Length > 40 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The credential id in <c>.../credentials/{id}</c> (any host, any API version) or the bare id; null otherwise.</summary>
    public static string? IdOf(string text)
    {
        var candidate = Uri.TryCreate(text, UriKind.Absolute, out var link) && link.Scheme is "http" or "https"
            ? LastSegmentAfterCredentials(link)
            : text;
        return CredentialIds.IsWellFormed(candidate) ? candidate : null;
    }

    private static string? LastSegmentAfterCredentials(Uri link)
    {
        var segments = link.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2 && segments[^2] == "credentials" ? segments[^1] : null;
    }
}
