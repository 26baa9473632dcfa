using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Messaging.Outbox;

/// <summary>The <see cref="WakeUpSignal"/> of <typeparamref name="TContext"/>'s relay workers, told after a commit that wrote outbox rows.</summary>
public sealed class OutboxSignal<TContext> : WakeUpSignal where TContext : DbContext;
