using MassTransit;

namespace MicroInternships.Messaging.Inbox;

/// <summary>One delivery's place in an <see cref="InboxLine{TMessage}"/>.</summary>
internal sealed class InboxTurn<TMessage>(ConsumeContext<TMessage> delivery) where TMessage : class
{
    private readonly TaskCompletionSource<IReadOnlyList<InboxTurn<TMessage>>?> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConsumeContext<TMessage> Delivery => delivery;

    /// <summary>Completes with a batch (starting with this delivery) for its deliverer to apply, or with <c>null</c> once another leader applied it.</summary>
    public Task<IReadOnlyList<InboxTurn<TMessage>>?> Outcome => _outcome.Task;

    public void Lead(IReadOnlyList<InboxTurn<TMessage>> batch) => _outcome.TrySetResult(batch);

    public void Applied() => _outcome.TrySetResult(null);

    public void Failed(Exception exception) => _outcome.TrySetException(exception);
}
