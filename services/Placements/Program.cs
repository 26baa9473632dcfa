using MicroInternships.Placements.Data;
using MicroInternships.Placements.Extensions;
using MicroInternships.ServiceDefaults.Idempotency;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlacementsServices();

var app = builder.Build();
app.UseApiDefaults();
app.UseIdempotencyKeys<PlacementsDbContext>();
app.MapPlacementsApis();
app.Run();
