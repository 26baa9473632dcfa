using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MicroInternships.PaymentPartner;

namespace MicroInternships.PaymentPartnerSimulator;

/// <summary>The partner's API as the contract gives it: <c>POST /v1/payouts</c> with an <c>Idempotency-Key</c>.</summary>
public static class PartnerApi
{
    public static IEndpointRouteBuilder MapPartnerApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/payouts", CreatePayoutAsync);
        return app;
    }

    private static async Task<IResult> CreatePayoutAsync(HttpRequest request, SimulatorState state, WebhookDelivery delivery, TimeProvider clock)
    {
        if (state.TakeUnavailable())
        {
            return Error(StatusCodes.Status503ServiceUnavailable, "unavailable", "Try again later.");
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length is 0 or > 255)
        {
            return Error(StatusCodes.Status400BadRequest, "idempotency_key_required", "Idempotency-Key is required (1 to 255 characters).");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        PayoutRequest? payout;
        try
        {
            payout = JsonSerializer.Deserialize<PayoutRequest>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            payout = null;
        }

        if (payout is not { Reference.Length: > 0, RecipientId.Length: > 0, AmountCents: > 0, Currency: "USD" })
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "reference, recipientId, a positive amountCents and currency USD are required.");
        }

        var behaviour = state.Behaviour;
        if (behaviour.RefuseRecipientPrefix is { Length: > 0 } refuse && payout.RecipientId.StartsWith(refuse, StringComparison.Ordinal))
        {
            return Error(StatusCodes.Status422UnprocessableEntity, "recipient_invalid", "The recipient cannot receive payouts.");
        }

        var outcome = behaviour.FailRecipientPrefix is { Length: > 0 } fail && payout.RecipientId.StartsWith(fail, StringComparison.Ordinal)
            ? WebhookTypes.Failed
            : WebhookTypes.Paid;
        var (accepted, isNew, sameRequest) = state.Accept(key, Convert.ToHexString(SHA256.HashData(body)), () => new SimulatedPayout(
            $"po_{Guid.NewGuid():N}", key, payout.Reference, payout.RecipientId, payout.AmountCents, payout.Currency, outcome, clock.GetUtcNow()));
        if (!sameRequest)
        {
            return Error(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused", "This Idempotency-Key was used for another payout.");
        }

        if (isNew)
        {
            delivery.Schedule(accepted);
        }

        return Results.Json(new PayoutAccepted(accepted.Id, "pending"), statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { code, message }, statusCode: status);
}
