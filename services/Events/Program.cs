using MicroInternships.Events.Data;
using MicroInternships.Events.Extensions;
using MicroInternships.ServiceDefaults.Idempotency;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddEventsServices();

var app = builder.Build();
app.UseApiDefaults();
app.UseIdempotencyKeys<EventsDbContext>();
app.MapEventsApis();
app.Run();
