using System.Net;
using System.Net.Http.Headers;

namespace MicroInternships.Web.Api;

/// <summary>
/// The person the site serves, as the gateway should see them. Their address travels with every call to the gateway
/// (which trusts the site as a proxy), so its per-address limits count each visitor and not the whole site as one
/// caller. A circuit has no request to read it from: the page request that starts it hands it to <c>Routes</c>, inside
/// the server's protected component state, where the browser cannot change it.
/// </summary>
public sealed class Visitor
{
    public IPAddress? Address { get; set; }
}

public static class VisitorForwarding
{
    public const string HeaderName = "X-Forwarded-For";

    public static void ForwardFor(this HttpRequestHeaders headers, IPAddress? visitor)
    {
        headers.Remove(HeaderName);
        if (visitor is not null)
        {
            headers.Add(HeaderName, visitor.ToString());
        }
    }
}
