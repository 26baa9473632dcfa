using System.Threading.Channels;
using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Stream;

/// <summary>
/// One open stream's place in the <see cref="NotificationFeed"/>: the ids of new notifications for its recipients, in
/// commit order. Should they pile up faster than the stream writes, or the feed lose its connection, the stream is
/// told to catch up from its last event instead (a null in the queue).
/// </summary>
public sealed class FeedSubscription : IDisposable
{
    private const int Capacity = 256;

    private readonly HashSet<Recipient> _recipients;
    private readonly NotificationFeed _feed;
    private readonly Channel<Guid?> _news = Channel.CreateBounded<Guid?>(new BoundedChannelOptions(Capacity) { SingleReader = false });

    internal FeedSubscription(IReadOnlyCollection<Recipient> recipients, NotificationFeed feed) => (_recipients, _feed) = ([.. recipients], feed);

    public ChannelReader<Guid?> News => _news.Reader;

    internal bool IsFor(Recipient recipient) => _recipients.Contains(recipient);

    internal void Wake(Guid id)
    {
        if (!_news.Writer.TryWrite(id))
        {
            CatchUp();
        }
    }

    /// <summary>Empties what is queued and asks for one catch-up, which reads all of it again from the database.</summary>
    internal void CatchUp()
    {
        while (_news.Reader.TryRead(out _))
        {
        }

        _news.Writer.TryWrite(null);
    }

    public void Dispose() => _feed.Unsubscribe(this);
}
