using MassTransit;

namespace MicroInternships.Messaging.Inbox;

/// <summary>
/// The deliveries of one inbox consumer waiting to be applied, in arrival order, and who applies them (group commit).
/// A delivery that finds fewer than the allowed number of batches being applied leads at once, alone: nothing waits
/// for company on a quiet system. Deliveries that arrive meanwhile queue up, and a leader that finishes hands the
/// next batch (up to the batch size) to the first of them, so under load each transaction takes in everything that
/// arrived during the one before.
/// </summary>
internal sealed class InboxLine<TMessage> where TMessage : class
{
    private readonly Lock _lock = new();
    private readonly Queue<InboxTurn<TMessage>> _waiting = new();
    private int _leaders;

    /// <summary>Queues <paramref name="delivery"/>; its turn says when it is applied, or hands its deliverer a batch to apply.</summary>
    public InboxTurn<TMessage> Join(ConsumeContext<TMessage> delivery, int batchSize, int maxLeaders)
    {
        var turn = new InboxTurn<TMessage>(delivery);
        lock (_lock)
        {
            _waiting.Enqueue(turn);
            if (_leaders < maxLeaders)
            {
                _leaders++;
                turn.Lead(TakeBatch(batchSize));
            }
        }

        return turn;
    }

    /// <summary>A leader is done with its batch: the next batch goes to the first delivery waiting, or the leader's place is freed.</summary>
    public void Handover(int batchSize)
    {
        lock (_lock)
        {
            if (_waiting.Count == 0)
            {
                _leaders--;
                return;
            }

            var batch = TakeBatch(batchSize);
            batch[0].Lead(batch);
        }
    }

    private InboxTurn<TMessage>[] TakeBatch(int batchSize)
    {
        var batch = new InboxTurn<TMessage>[Math.Min(batchSize, _waiting.Count)];
        for (var index = 0; index < batch.Length; index++)
        {
            batch[index] = _waiting.Dequeue();
        }

        return batch;
    }
}
