namespace MicroInternships.Web.Components.Pages.Public;

/// <summary>
/// A page of the public program site. A visitor who is not signed in gets it as plain server-rendered HTML, with no
/// interactive circuit and no script, fast on a phone and readable by search engines; a signed-in person gets the
/// interactive site as everywhere else.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicPageAttribute : Attribute
{
    /// <summary>How long a public page waits for each of its reads: the visitor sees nothing until they are back.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(4);

    public static bool ServesStatically(HttpContext? http) =>
        http is not null && http.User.Identity?.IsAuthenticated != true && http.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>() is not null;
}
