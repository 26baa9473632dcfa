using MicroInternships.Insights.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddInsightsServices();

var app = builder.Build();
app.UseApiDefaults();
app.MapInsightsApis();
app.Run();
