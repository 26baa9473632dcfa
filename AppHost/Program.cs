using MicroInternships.AppHost;
using MicroInternships.AppHost.Health;
using MicroInternships.AppHost.Infrastructure;
using MicroInternships.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddInfrastructure();
var signingKey = builder.AddParameter("identity-signing-key", secret: true);

var listings = builder.AddService<Projects.Listings>(ResourceNames.ListingsApi, ResourceNames.ListingsDb, infrastructure, signingKey);
var placements = builder.AddService<Projects.Placements>(ResourceNames.PlacementsApi, ResourceNames.PlacementsDb, infrastructure, signingKey);
var payments = builder.AddService<Projects.Payments>(ResourceNames.PaymentsApi, ResourceNames.PaymentsDb, infrastructure, signingKey);
var events = builder.AddService<Projects.Events>(ResourceNames.EventsApi, ResourceNames.EventsDb, infrastructure, signingKey);
var notifications = builder.AddService<Projects.Notifications>(ResourceNames.NotificationsApi, ResourceNames.NotificationsDb, infrastructure, signingKey);
var insights = builder.AddService<Projects.Insights>(ResourceNames.InsightsApi, ResourceNames.InsightsDb, infrastructure, signingKey);

var gateway = builder.AddGateway(signingKey, listings, placements, payments, events, notifications, insights);

// The payment partner: its simulator in development, paying through the partner API and reporting back to the
// gateway's webhook route with the secret Payments verifies.
var webhookSecret = builder.AddParameter("payment-partner-webhook-secret", secret: true);
var paymentPartner = builder.AddProject<Projects.PaymentPartnerSimulator>(ResourceNames.PaymentPartner)
    .WithEnvironment("Simulator__WebhookSecret", webhookSecret)
    .WithEnvironment("Simulator__WebhookUrl", ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/webhooks/payment-partner"))
    .WithHttpHealthCheck("/health");
payments
    .WithReference(paymentPartner)
    .WithEnvironment("PaymentPartner__BaseUrl", $"http://{ResourceNames.PaymentPartner}")
    .WithEnvironment("PaymentPartner__WebhookSecret", webhookSecret);

var website = builder.AddWebsite(gateway);
placements.WithCredentials(builder, gateway, website);
notifications.WithEmailThrough(builder.AddMailServer(), gateway, website);

builder.StartProjectsFromTheirBuildOutput();
builder.NoticeReadinessPromptly();
builder.Build().Run();
