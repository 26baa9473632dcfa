using System.Net.Http.Headers;
using MicroInternships.Web.Account;
using MicroInternships.Web.Api;

namespace MicroInternships.Web.Downloads;

/// <summary>
/// Files the browser downloads through the site (the agenda, the registrants list, the program's report): fetched from the gateway with
/// the signed-in person's token, which stays on the server, and streamed on unchanged.
/// </summary>
public static class DownloadEndpoints
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder app)
    {
        var downloads = app.MapGroup("/downloads/events/{eventId:guid}");
        downloads.MapGet("/agenda.ics", (Guid eventId, HttpContext http, IHttpClientFactory clients) =>
            RelayAsync(http, clients, $"/api/events/{eventId}/calendar.ics", "winter-institute.ics"));
        downloads.MapGet("/registrations.csv", (Guid eventId, HttpContext http, IHttpClientFactory clients) =>
            RelayAsync(http, clients, $"/api/events/{eventId}/registrations.csv", "registrations.csv"))
            .RequireAuthorization(policy => policy.RequireClaim(SiteClaims.Role, Roles.Coordinator));
        // The program's figures with the page's filters (the query string as the page built it); the API decides what
        // each person may see.
        var insights = app.MapGroup("/downloads/insights")
            .RequireAuthorization(policy => policy.RequireClaim(SiteClaims.Role, Roles.Coordinator, Roles.Faculty, Roles.Partner));
        insights.MapGet("/report.csv", (HttpContext http, IHttpClientFactory clients) =>
            RelayAsync(http, clients, $"/api/insights/report.csv{http.Request.QueryString}", "program-insights.csv"));
        insights.MapGet("/report.html", (HttpContext http, IHttpClientFactory clients) =>
            RelayAsync(http, clients, $"/api/insights/report{http.Request.QueryString}", "program-report.html"));
        return app;
    }

    private static async Task RelayAsync(HttpContext http, IHttpClientFactory clients, string path, string fileName)
    {
        using var gateway = clients.CreateClient(GatewayClient.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.ForwardFor(http.Connection.RemoteIpAddress);
        if (http.User.AccessTokenOf() is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await gateway.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        http.Response.StatusCode = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            return;
        }

        http.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
    }
}
