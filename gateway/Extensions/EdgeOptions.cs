namespace MicroInternships.Gateway.Extensions;

/// <summary>The gateway's edge settings (<c>Gateway</c>): body size, browser origins and the proxies in front of it.</summary>
public sealed class EdgeOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The largest request body accepted; larger is 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The longest path and query string accepted, percent-encoded as forwarded; longer is 414. The services' own
    /// servers stop at a request line of 8 KB, the method and protocol included, so this stays under it.
    /// </summary>
    public int MaxRequestTargetLength { get; set; } = 8 * 1024 - 64;

    /// <summary>Web clients' origins allowed to call the API from a browser (CORS); none by default.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>
    /// Addresses (<c>10.0.0.7</c>) and CIDR ranges (<c>10.0.0.0/8</c>) of the proxies whose <c>X-Forwarded-For</c> and
    /// <c>-Proto</c> are believed. None by default; Development trusts loopback, where the website runs.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}
