using System.Text;
using System.Text.Json;
using System.Xml;
using MicroInternships.Web.Api;

namespace MicroInternships.Web.Sitemap;

/// <summary>
/// <c>/sitemap.xml</c> and <c>/robots.txt</c> for search engines: the public site's pages, each open project and each
/// upcoming event, read from the gateway's public routes on the crawler's behalf.
/// </summary>
public static class SitemapEndpoints
{
    /// <summary>Enough for any term's open projects; a sitemap holds up to 50,000 addresses.</summary>
    public const int MaxProjects = 2_000;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly string[] _fixedPages = ["/", "/projects", "/partners/join", "/verify"];

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", WriteSitemapAsync).AllowAnonymous();
        app.MapGet("/robots.txt", (HttpContext http) =>
            Results.Text($"User-agent: *\nDisallow: /downloads/\nDisallow: /account/\nSitemap: {Origin(http)}/sitemap.xml\n", "text/plain", Encoding.UTF8))
            .AllowAnonymous();
        return app;
    }

    private static async Task WriteSitemapAsync(HttpContext http, IHttpClientFactory clients)
    {
        using var gateway = clients.CreateClient(GatewayClient.HttpClientName);
        var pages = new List<string>(_fixedPages);
        pages.AddRange((await ProjectIdsAsync(gateway, http)).Select(id => $"/projects/{id}"));
        pages.AddRange((await IdsAsync(gateway, http, "/api/public/events", page => page.EnumerateArray())).Select(id => $"/institute/{id}"));

        http.Response.ContentType = "application/xml; charset=utf-8";
        http.Response.Headers.CacheControl = "public, max-age=3600";
        await using var writer = XmlWriter.Create(http.Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
        await writer.WriteStartDocumentAsync();
        await writer.WriteStartElementAsync(null, "urlset", Namespace);
        var origin = Origin(http);
        foreach (var page in pages)
        {
            await writer.WriteStartElementAsync(null, "url", Namespace);
            await writer.WriteElementStringAsync(null, "loc", Namespace, origin + page);
            await writer.WriteEndElementAsync();
        }

        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
    }

    private static async Task<List<Guid>> ProjectIdsAsync(HttpClient gateway, HttpContext http)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var path = "/api/public/listings?limit=100" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            cursor = null;
            ids.AddRange(await IdsAsync(gateway, http, path, page =>
            {
                cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
                return page.GetProperty("items").EnumerateArray();
            }));
        }
        while (cursor is not null && ids.Count < MaxProjects);
        return ids;
    }

    /// <summary>The ids of one answer's items; none when the gateway refuses or cannot answer, so the fixed pages are still listed.</summary>
    private static async Task<IEnumerable<Guid>> IdsAsync(HttpClient gateway, HttpContext http, string path, Func<JsonElement, IEnumerable<JsonElement>> items)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.ForwardFor(http.Connection.RemoteIpAddress);
        try
        {
            using var response = await gateway.SendAsync(request, http.RequestAborted);
            if (!response.IsSuccessStatusCode)
            {
                return [];
            }

            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(http.RequestAborted), cancellationToken: http.RequestAborted);
            return [.. items(body.RootElement).Select(item => item.GetProperty("id").GetGuid())];
        }
        catch (HttpRequestException)
        {
            return [];
        }
    }

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}";
}
