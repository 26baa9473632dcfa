using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.PaymentPartner;
using Polly.Timeout;

namespace MicroInternships.Payments.Partner;

/// <summary>
/// The partner's payouts API. The shared resilience handler already retries transient failures within one call
/// (with the same <c>Idempotency-Key</c>, so the partner pays once); what is still failing after it is classified
/// for the submitter.
/// </summary>
public sealed class PaymentPartnerClient(HttpClient http)
{
    public async Task<SubmissionResult> SubmitAsync(
        Guid payoutId, string recipientId, long amountCents, string currency, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/payouts")
        {
            Content = JsonContent.Create(new PayoutRequest(payoutId.ToString(), recipientId, amountCents, currency)),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var accepted = await response.Content.ReadFromJsonAsync<PayoutAccepted>(cancellationToken);
                return accepted?.Id is { Length: > 0 } id ? new SubmissionResult.Accepted(id) : new SubmissionResult.Transient("unreadable_answer");
            }

            var status = (int)response.StatusCode;
            return status is 408 or 429 || status >= 500
                ? new SubmissionResult.Transient($"http_{status}")
                : new SubmissionResult.Refused(await ReasonAsync(response, cancellationToken));
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or JsonException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new SubmissionResult.Transient(exception.GetType().Name);
        }
    }

    private static async Task<string> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            foreach (var name in (string[])["code", "error", "reason"])
            {
                if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString()!;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
        }

        return response.StatusCode == HttpStatusCode.UnprocessableEntity ? "rejected" : $"http_{(int)response.StatusCode}";
    }
}
