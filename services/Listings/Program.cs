using MicroInternships.Listings.Data;
using MicroInternships.Listings.Extensions;
using MicroInternships.ServiceDefaults.Idempotency;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddListingsServices();

var app = builder.Build();
app.UseApiDefaults();
app.UseIdempotencyKeys<ListingsDbContext>();
app.MapListingsApis();
app.Run();
