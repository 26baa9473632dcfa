using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Extensions;
using MicroInternships.ServiceDefaults.Idempotency;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationsServices();

var app = builder.Build();
app.UseApiDefaults();
app.UseIdempotencyKeys<NotificationsDbContext>();
app.MapNotificationsApis();
app.Run();
