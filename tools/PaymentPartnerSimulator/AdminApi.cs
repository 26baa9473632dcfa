namespace MicroInternships.PaymentPartnerSimulator;

/// <summary>What tests and people use to steer and inspect the simulator.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapGet("/payouts", (SimulatorState state) => state.Payouts);
        admin.MapGet("/deliveries", (SimulatorState state) => state.Deliveries);
        admin.MapGet("/behaviour", (SimulatorState state) => state.Behaviour with { WebhookSecret = null });
        admin.MapPut("/behaviour", (BehaviourChange change, SimulatorState state) =>
        {
            var current = state.Behaviour;
            state.Behaviour = current with
            {
                DeliveryDelay = change.DeliveryDelay ?? current.DeliveryDelay,
                FailRecipientPrefix = change.FailRecipientPrefix ?? current.FailRecipientPrefix,
                RefuseRecipientPrefix = change.RefuseRecipientPrefix ?? current.RefuseRecipientPrefix,
                DuplicateDeliveries = change.DuplicateDeliveries ?? current.DuplicateDeliveries,
                OutOfOrder = change.OutOfOrder ?? current.OutOfOrder,
                UnavailableSubmissions = change.UnavailableSubmissions ?? current.UnavailableSubmissions,
            };
            return state.Behaviour with { WebhookSecret = null };
        });
        return app;
    }
}

/// <summary>The parts of <see cref="SimulatorBehaviour"/> a <c>PUT /admin/behaviour</c> may change; absent ones stay.</summary>
public sealed record BehaviourChange(
    TimeSpan? DeliveryDelay, string? FailRecipientPrefix, string? RefuseRecipientPrefix, bool? DuplicateDeliveries, bool? OutOfOrder, int? UnavailableSubmissions);
