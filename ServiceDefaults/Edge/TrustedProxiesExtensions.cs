using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.ServiceDefaults.Edge;

/// <summary>
/// Whose <c>X-Forwarded-For</c> and <c>-Proto</c> a process believes: the proxies named in one setting, by address
/// (<c>10.0.0.7</c>) or CIDR range (<c>10.0.0.0/8</c>), and nobody else. The framework's default, loopback, would let
/// anything running on the host choose its own address (and with it its rate-limit budget); and with both of its
/// lists empty it would believe everyone, so no trusted proxy means no forwarded header is read at all.
/// </summary>
public static class TrustedProxiesExtensions
{
    public static IServiceCollection TrustForwardedHeadersFrom(this IServiceCollection services, IReadOnlyCollection<string> proxies, string settingName)
    {
        var addresses = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var proxy in proxies)
        {
            if (System.Net.IPNetwork.TryParse(proxy, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(proxy, out var address))
            {
                addresses.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"{settingName} holds '{proxy}', which is neither an IP address nor a CIDR range.");
            }
        }

        return services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = proxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            addresses.ForEach(forwarded.KnownProxies.Add);
            networks.ForEach(forwarded.KnownIPNetworks.Add);
        });
    }
}
