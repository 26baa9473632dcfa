using MicroInternships.Payments.Data;
using MicroInternships.Payments.Extensions;
using MicroInternships.ServiceDefaults.Idempotency;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPaymentsServices();

var app = builder.Build();
app.UseApiDefaults();
app.UseIdempotencyKeys<PaymentsDbContext>();
app.MapPaymentsApis();
app.Run();
