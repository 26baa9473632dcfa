using MicroInternships.Gateway.DevelopmentTokens;
using MicroInternships.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
app.UseEdgeProtection();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
if (app.Environment.IsDevelopment())
{
    app.MapDevelopmentTokens();
}

app.UseRateLimiter();
app.MapApiReference();
app.MapReverseProxy();
app.MapNotFoundFallbacks();
app.Run();
