using MicroInternships.ServiceDefaults.Calendar;
using MicroInternships.Web;
using MicroInternships.Web.Account;
using MicroInternships.Web.Api;
using MicroInternships.Web.Components;
using MicroInternships.Web.Components.Shared;
using MicroInternships.Web.Credentials;
using MicroInternships.Web.Downloads;
using MicroInternships.Web.Security;
using MicroInternships.Web.Sitemap;

var builder = WebApplication.CreateBuilder(args);
builder.AddProcessDefaults();
builder.AddSiteEdge();
builder.AddSiteAuthentication();
builder.Services.Configure<DevelopmentSignInOptions>(builder.Configuration.GetSection("DevelopmentSignIn"));
builder.Services.AddProgramCalendar();
builder.Services.AddHttpClient<GatewayClient>(GatewayClient.HttpClientName, http => http.BaseAddress = GatewayAddress());
// The notification stream stays open as long as a page does: the standard resilience handler's timeouts would cut it.
#pragma warning disable EXTEXP0001 // the only way to opt one client out of ConfigureHttpClientDefaults' resilience
builder.Services.AddHttpClient<NotificationStream>(NotificationStream.HttpClientName, http =>
    {
        http.BaseAddress = GatewayAddress();
        http.Timeout = Timeout.InfiniteTimeSpan;
    })
    .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
builder.Services.AddScoped<UnreadNotifications>();
builder.Services.AddScoped<CredentialChecker>();
builder.Services.AddSingleton<SiteClock>();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
app.UseSiteEdge();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found");
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapAccountEndpoints(app.Environment);
app.MapDownloads();
app.MapSitemap();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();

Uri GatewayAddress() => new(builder.Configuration["Gateway:BaseUrl"] ?? "http://gateway");
