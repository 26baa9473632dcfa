using MicroInternships.PaymentPartnerSimulator;

// A stand-in for the external payment partner, for development and tests only: it speaks the partner API of the
// contract, pays (or fails) what it is sent once per idempotency key, and reports back through signed webhooks.
var builder = WebApplication.CreateBuilder(args);
var behaviour = builder.Configuration.GetSection("Simulator").Get<SimulatorBehaviour>() ?? new SimulatorBehaviour();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(new SimulatorState(behaviour));
builder.Services.AddSingleton<WebhookDelivery>();
builder.Services.AddHostedService(services => services.GetRequiredService<WebhookDelivery>());
builder.Services.AddHttpClient(nameof(WebhookDelivery), http => http.Timeout = TimeSpan.FromSeconds(10));
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/health");
app.MapPartnerApi();
app.MapAdminApi();
app.Run();
