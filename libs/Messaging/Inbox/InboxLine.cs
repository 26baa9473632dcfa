using MassTransit;
using MicroInternships.ServiceDefaults.Jobs;

namespace MicroInternships.Messaging.Inbox;

/// <summary>
/// The deliveries of one inbox consumer waiting to be applied, and who applies them: a <see cref="GroupCommitLine{T}"/>
/// whose leaders are deliveries. A delivery that leads applies its batch; when it is done, the next batch goes to the
/// first delivery of it, so a consumer's deliverers take turns leading.
/// </summary>
internal sealed class InboxLine<TMessage>(TimeProvider clock) where TMessage : class
{
    private readonly GroupCommitLine<InboxTurn<TMessage>> _line = new();

    /// <summary>
    /// Queues <paramref name="delivery"/>; its turn says when it is applied, or hands its deliverer a batch to apply. A
    /// delivery that would lead on an idle line waits <paramref name="linger"/> first, and leads everyone who joined
    /// meanwhile.
    /// </summary>
    public InboxTurn<TMessage> Join(ConsumeContext<TMessage> delivery, int batchSize, int maxLeaders, TimeSpan linger = default)
    {
        var turn = new InboxTurn<TMessage>(delivery);
        if (linger <= TimeSpan.Zero)
        {
            if (_line.Join(turn, batchSize, maxLeaders) is { } batch)
            {
                turn.Lead(batch);
            }
        }
        else if (_line.Join(turn, batchSize: 0, maxLeaders) is not null)
        {
            _ = LeadAfterAsync(linger, batchSize);
        }

        return turn;
    }

    private async Task LeadAfterAsync(TimeSpan linger, int batchSize)
    {
        await Task.Delay(linger, clock);
        Handover(batchSize);
    }

    /// <summary>A leader is done with its batch: the next batch goes to the first delivery waiting, or the leader's place is freed.</summary>
    public void Handover(int batchSize)
    {
        if (_line.Next(batchSize) is { } batch)
        {
            batch[0].Lead(batch);
        }
    }
}
