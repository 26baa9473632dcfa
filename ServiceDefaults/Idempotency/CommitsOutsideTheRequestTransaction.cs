using Microsoft.AspNetCore.Builder;

namespace MicroInternships.ServiceDefaults.Idempotency;

/// <summary>
/// Marks an endpoint whose effect is committed by a unit of work of its own (another scope, a batch shared by many
/// requests), so the request's transaction could not hold it: its <c>Idempotency-Key</c> is claimed in a transaction of
/// its own before it runs. A crash between that claim and the answer leaves the key "in progress" until it expires.
/// </summary>
public sealed class CommitsOutsideTheRequestTransaction
{
    public static readonly CommitsOutsideTheRequestTransaction Instance = new();
}

public static class CommitsOutsideTheRequestTransactionExtensions
{
    public static RouteHandlerBuilder CommitsOutsideTheRequestTransaction(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(Idempotency.CommitsOutsideTheRequestTransaction.Instance);
}
