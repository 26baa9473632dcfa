namespace MicroInternships.ServiceDefaults.Jobs;

/// <summary>
/// Items waiting to be applied in arrival order, in batches of one transaction each (group commit). An item that finds
/// fewer than the allowed number of leaders at work leads at once, alone: nothing waits for company on a quiet system.
/// Items that arrive meanwhile queue up, and a leader done with its batch takes the next one (up to the batch size), so
/// under load each transaction takes in everything that arrived during the one before.
/// </summary>
public sealed class GroupCommitLine<T>
{
    private readonly Lock _lock = new();
    private readonly Queue<T> _waiting = new();
    private int _leaders;

    /// <summary>
    /// Queues <paramref name="item"/>; the batch its caller now leads (the item alone), or null when a leader will take
    /// it. With a <paramref name="batchSize"/> of 0 a new leader gets an empty batch and takes its first with <see cref="Next"/>.
    /// </summary>
    public IReadOnlyList<T>? Join(T item, int batchSize, int maxLeaders)
    {
        lock (_lock)
        {
            _waiting.Enqueue(item);
            if (_leaders >= maxLeaders)
            {
                return null;
            }

            _leaders++;
            return TakeBatch(batchSize);
        }
    }

    /// <summary>A leader is done with its batch: the next batch to apply, or null (and one leader fewer) when none waits.</summary>
    public IReadOnlyList<T>? Next(int batchSize)
    {
        lock (_lock)
        {
            if (_waiting.Count > 0)
            {
                return TakeBatch(batchSize);
            }

            _leaders--;
            return null;
        }
    }

    private T[] TakeBatch(int batchSize)
    {
        var batch = new T[Math.Min(batchSize, _waiting.Count)];
        for (var index = 0; index < batch.Length; index++)
        {
            batch[index] = _waiting.Dequeue();
        }

        return batch;
    }
}
