using MicroInternships.Payments.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPaymentsServices();

var app = builder.Build();
app.UseApiDefaults();
app.Run();
