using MicroInternships.Gateway.DevelopmentTokens;
using MicroInternships.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
if (app.Environment.IsDevelopment())
{
    app.MapDevelopmentTokens();
}

app.UseRateLimiter();
app.MapReverseProxy();
app.MapNotFoundFallbacks();
app.Run();
