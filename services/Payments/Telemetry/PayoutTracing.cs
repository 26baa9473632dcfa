using System.Diagnostics;
using MicroInternships.Payments.Domain;
using MicroInternships.ServiceDefaults.Telemetry;

namespace MicroInternships.Payments.Telemetry;

/// <summary>
/// Spans that keep a payout's story in the trace of the journey that opened it (source <c>MicroInternships.Payments</c>):
/// sending it to the partner, from a background job, and applying the partner's webhook, which arrives in the
/// partner's own trace and is linked to it.
/// </summary>
public static class PayoutTracing
{
    public static readonly ActivitySource Source = new("MicroInternships.Payments");

    public static ContinuedActivity StartSubmission(Payout payout, int attempt)
    {
        var scope = Source.Continue("payout submit", payout.TraceParent, payout.TraceState, ActivityKind.Internal);
        scope.Activity?.SetTag("payout.id", payout.Id).SetTag("payout.attempt", attempt);
        return scope;
    }

    public static ContinuedActivity StartWebhook(Payout payout, string webhookType)
    {
        var scope = Source.Continue($"payout webhook {webhookType}", payout.TraceParent, payout.TraceState, ActivityKind.Internal, linkCurrent: true);
        scope.Activity?.SetTag("payout.id", payout.Id);
        return scope;
    }
}
