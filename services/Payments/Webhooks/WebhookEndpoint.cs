using System.Globalization;
using MicroInternships.PaymentPartner;
using MicroInternships.Payments.Partner;
using MicroInternships.Payments.Telemetry;
using MicroInternships.ServiceDefaults.Json;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MicroInternships.Payments.Webhooks;

/// <summary>
/// <c>POST /webhooks/payment-partner</c>, answered so that the partner's retries make sense: 401 for a bad or stale
/// signature, 400 for a body that is not a webhook, 200 for one already processed, 404 for an unknown payout
/// (the partner retries; nothing is recorded), 200 otherwise, flagged mismatches included.
/// </summary>
public static class WebhookEndpoint
{
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPaymentPartnerWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/payment-partner", ReceiveAsync).AllowAnonymous().WithTag("Webhooks", "The payment partner's signed reports of paid and failed payouts.").WithName("PaymentPartnerWebhook").DescribeProblems()
            .WithSummary("Payout outcomes from the payment partner (Standard Webhooks signatures)")
            .Refuses(StatusCodes.Status400BadRequest, "malformed_webhook")
            .Refuses(StatusCodes.Status401Unauthorized, "invalid_signature")
            .Refuses(StatusCodes.Status404NotFound, "payout_not_found");
        return app;
    }

    public static async Task<Results<Ok<WebhookAnswer>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, WebhookSignature signature, WebhookProcessor processor, PaymentsMetrics metrics, TimeProvider clock,
        IOptions<PaymentPartnerOptions> options, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return Rejected(metrics, StatusCodes.Status413PayloadTooLarge, "body_too_large", $"A webhook body is at most {MaxBodyBytes} bytes.");
        }

        var id = request.Headers["webhook-id"].ToString();
        if (!signature.Verify(id, request.Headers["webhook-timestamp"], request.Headers["webhook-signature"], body, clock.GetUtcNow(), options.Value.WebhookTolerance))
        {
            return Rejected(metrics, StatusCodes.Status401Unauthorized, "invalid_signature", "The webhook's signature or timestamp is not valid.");
        }

        if (PartnerWebhook.Parse(body) is not { } webhook || id.Length > 255)
        {
            return Rejected(metrics, StatusCodes.Status400BadRequest, "malformed_webhook", "The body is not a payout webhook.");
        }

        // The signature check read the timestamp as whole unix seconds.
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(request.Headers["webhook-timestamp"].ToString(), CultureInfo.InvariantCulture));
        var outcome = await processor.ProcessAsync(id, webhook, sentAt, cancellationToken);
        if (outcome == WebhookOutcome.UnknownReference)
        {
            return Rejected(metrics, StatusCodes.Status404NotFound, "payout_not_found", "No payout has that reference.");
        }

        var answer = new WebhookAnswer(WireName.Of(outcome));
        metrics.WebhookReceived(answer.Outcome);
        return TypedResults.Ok(answer);
    }

    private static ProblemHttpResult Rejected(PaymentsMetrics metrics, int status, string code, string detail)
    {
        metrics.WebhookReceived("rejected", code);
        return TypedResults.Problem(statusCode: status, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = code });
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>What became of a webhook: <c>applied</c>, <c>duplicate</c>, <c>flagged</c> or <c>unchanged</c>.</summary>
public sealed record WebhookAnswer(string Outcome);
