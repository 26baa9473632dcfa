using MicroInternships.Listings.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddListingsServices();

var app = builder.Build();
app.UseApiDefaults();
app.MapListingsApis();
app.Run();
