using MicroInternships.Messaging.EventLog;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Messaging.Replay;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Messaging;

public static class MessagingModelBuilderExtensions
{
    /// <summary>The outbox, the event log, the replay and the inbox tables; every service's DbContext calls this in <c>OnModelCreating</c>.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new LoggedEventConfiguration());
        modelBuilder.ApplyConfiguration(new ReplayJobConfiguration());
        modelBuilder.ApplyConfiguration(new HistoryRequestConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        return modelBuilder;
    }
}
