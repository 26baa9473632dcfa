using MassTransit;

namespace MicroInternships.Messaging.Inbox;

/// <summary>Counts a receive endpoint's failed consume attempts, and the messages that ran out of retries and went to <c>_error</c>.</summary>
internal sealed class ConsumerFailureObserver(MessagingMetrics metrics, string queue) : IRetryObserver
{
    public Task PostCreate<T>(RetryPolicyContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    public Task PostFault<T>(RetryContext<T> context) where T : class, PipeContext
    {
        metrics.ConsumeFailed(queue);
        return Task.CompletedTask;
    }

    public Task PreRetry<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;

    /// <summary>The last attempt's failure: MassTransit calls this instead of <see cref="PostFault{T}"/> when no retry is left.</summary>
    public Task RetryFault<T>(RetryContext<T> context) where T : class, PipeContext
    {
        metrics.ConsumeFailed(queue);
        metrics.MovedToErrorQueue(queue);
        return Task.CompletedTask;
    }

    public Task RetryComplete<T>(RetryContext<T> context) where T : class, PipeContext => Task.CompletedTask;
}
