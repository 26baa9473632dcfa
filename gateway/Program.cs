using MicroInternships.Gateway.DevelopmentTokens;
using MicroInternships.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
app.UseEdgeProtection();
app.UseResponseCompression();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();

// After authentication, so a signed-in caller is limited by subject; before authorization, so calls refused with 401
// count against their address like any anonymous call.
app.UseRateLimiter();
app.UseAuthorization();
app.MapDefaultEndpoints();
if (app.Environment.IsDevelopment())
{
    app.MapDevelopmentTokens();
}

app.MapApiReference();
app.MapReverseProxy(proxy =>
{
    proxy.UseServiceUnavailableProblems();
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
app.MapNotFoundFallbacks();
app.Run();
