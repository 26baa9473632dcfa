using System.Collections.Concurrent;

namespace MicroInternships.PaymentPartnerSimulator;

/// <summary>A payout the simulator accepted: one per idempotency key, however often that key is sent.</summary>
public sealed record SimulatedPayout(string Id, string IdempotencyKey, string Reference, string RecipientId, long AmountCents, string Currency, string Outcome, DateTimeOffset AcceptedAt);

/// <summary>One attempt to deliver one webhook, and how the receiver answered.</summary>
public sealed record DeliveryRecord(string WebhookId, string PayoutId, string Reference, string Type, int Attempt, int? StatusCode, string? Error, DateTimeOffset At);

/// <summary>Everything the simulator received and delivered, kept in memory so tests and people can count it.</summary>
public sealed class SimulatorState(SimulatorBehaviour initial)
{
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<DeliveryRecord> _deliveries = new();
    private readonly Dictionary<string, (string RequestHash, SimulatedPayout Payout)> _byKey = new(StringComparer.Ordinal);
    private readonly List<SimulatedPayout> _payouts = [];
    private SimulatorBehaviour _behaviour = initial;

    public SimulatorBehaviour Behaviour
    {
        get { lock (_gate) { return _behaviour; } }
        set { lock (_gate) { _behaviour = value; } }
    }

    public IReadOnlyList<SimulatedPayout> Payouts
    {
        get { lock (_gate) { return [.. _payouts]; } }
    }

    public IReadOnlyList<DeliveryRecord> Deliveries => [.. _deliveries];

    public void Delivered(DeliveryRecord record) => _deliveries.Enqueue(record);

    /// <summary>Takes one of the configured 503s, if any are left.</summary>
    public bool TakeUnavailable()
    {
        lock (_gate)
        {
            if (_behaviour.UnavailableSubmissions <= 0)
            {
                return false;
            }

            _behaviour = _behaviour with { UnavailableSubmissions = _behaviour.UnavailableSubmissions - 1 };
            return true;
        }
    }

    /// <summary>The payout already made for this key (and whether the request matched), or the new one <paramref name="create"/> makes.</summary>
    public (SimulatedPayout Payout, bool IsNew, bool SameRequest) Accept(string key, string requestHash, Func<SimulatedPayout> create)
    {
        lock (_gate)
        {
            if (_byKey.TryGetValue(key, out var existing))
            {
                return (existing.Payout, false, existing.RequestHash == requestHash);
            }

            var payout = create();
            _byKey[key] = (requestHash, payout);
            _payouts.Add(payout);
            return (payout, true, true);
        }
    }
}
