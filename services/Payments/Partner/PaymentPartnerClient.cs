using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.PaymentPartner;
using Polly;

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
                return accepted?.Id is { Length: > 0 and <= MaxPartnerIdLength } id
                    ? new SubmissionResult.Accepted(id)
                    : new SubmissionResult.Transient("unreadable_answer");
            }

            // Only a refusal of the payout itself is final; a 409 (the same key still in flight) or our own 401, 403 or
            // 404 (a misconfiguration) must not fail every payout: those are tried again.
            var status = (int)response.StatusCode;
            return status is 400 or 422
                ? new SubmissionResult.Refused(Bounded(await ReasonAsync(response, cancellationToken)))
                : new SubmissionResult.Transient($"http_{status}");
        }
        catch (Exception exception) when (exception is HttpRequestException or ExecutionRejectedException or JsonException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new SubmissionResult.Transient(exception.GetType().Name);
        }
    }

    public const int MaxPartnerIdLength = 100;
    private const int MaxReasonLength = 100;

    private static string Bounded(string reason) => reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength];

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
