using MicroInternships.Placements.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlacementsServices();

var app = builder.Build();
app.UseApiDefaults();
app.Run();
