namespace MicroInternships.Web.Account;

/// <summary>
/// Where a sign-in may send the person back to: a path on this site, or its home page. The framework's local-URL
/// rule (its own helper is internal): one leading slash, not followed by a second slash or a backslash, and no
/// control character anywhere, since browsers drop tabs and line breaks and <c>/%09/evil.example</c> would become
/// <c>//evil.example</c>, another site.
/// </summary>
public static class LocalReturnUrl
{
    public const string Home = "/";

    public static string Of(string? returnUrl) =>
        returnUrl is ['/', ..] && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\')) && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : Home;
}
