using System.Diagnostics.Metrics;

namespace MicroInternships.Payments.Telemetry;

/// <summary>
/// Money and webhooks (meter <c>MicroInternships.Payments</c>). Payout counts and amounts by status come from
/// <c>state.transitions</c>; these add what fund rows and the partner's deliveries show.
/// </summary>
public sealed class PaymentsMetrics
{
    public const string MeterName = "MicroInternships.Payments";

    private readonly Counter<long> _reserved;
    private readonly Counter<long> _released;
    private readonly Counter<long> _spent;
    private readonly Counter<long> _webhooks;
    private IReadOnlyList<UnsettledPayouts> _unsettled = [];
    private IReadOnlyList<FundsRemaining> _remaining = [];

    public PaymentsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _reserved = meter.CreateCounter<long>("funds.reserved", "{cent}", "Cents set aside in a fund for a started placement (or a retried payout).");
        _released = meter.CreateCounter<long>("funds.released", "{cent}", "Reserved cents given back to a fund (cancellations, pro rata payouts, refusals).");
        _spent = meter.CreateCounter<long>("funds.spent", "{cent}", "Reserved cents spent by a payout the partner reported paid.");
        _webhooks = meter.CreateCounter<long>(
            "webhooks.received", "{delivery}", "Payment partner webhook deliveries by outcome (applied, duplicate, flagged, unchanged, rejected) and rejection reason.");
        meter.CreateObservableGauge(
            "payouts.unsettled", () => Unsettled(u => u.Count), "{payout}", "Payouts not paid yet, by status (pending, submitted, failed, on_hold).");
        meter.CreateObservableGauge(
            "payouts.unsettled.oldest_age", () => Unsettled(u => u.OldestAgeSeconds), "s", "How long the oldest unsettled payout of each status has existed.");
        meter.CreateObservableGauge(
            "funds.remaining", Remaining, "{cent}", "Cents the funds can still reserve (budget less reserved and spent), summed by currency.");
    }

    public void Reserved(long cents) => _reserved.Add(cents);

    public void Released(long cents) => _released.Add(cents);

    public void Spent(long cents) => _spent.Add(cents);

    public void Observe(IReadOnlyList<UnsettledPayouts> unsettled) => Volatile.Write(ref _unsettled, unsettled);

    public void Observe(IReadOnlyList<FundsRemaining> remaining) => Volatile.Write(ref _remaining, remaining);

    private IEnumerable<Measurement<long>> Remaining() =>
        Volatile.Read(ref _remaining).Select(r => new Measurement<long>(r.Cents, new KeyValuePair<string, object?>("currency", r.Currency)));

    private IEnumerable<Measurement<T>> Unsettled<T>(Func<UnsettledPayouts, T> value) where T : struct =>
        Volatile.Read(ref _unsettled).Select(u => new Measurement<T>(value(u), new KeyValuePair<string, object?>("status", u.Status)));

    public void WebhookReceived(string outcome, string? reason = null) =>
        _webhooks.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("reason", reason ?? "none"));
}
