using System.Diagnostics;
using MassTransit;
using MassTransit.Logging;

namespace MicroInternships.Messaging;

/// <summary>The outbox's and inbox's own spans (source <c>MicroInternships.Messaging</c>), beside MassTransit's.</summary>
internal static class MessagingTracing
{
    public static readonly ActivitySource Source = new(MessagingMetrics.MeterName);

    /// <summary>The publisher's W3C trace context, which MassTransit carries in a message's headers.</summary>
    public static string? TraceParentOf(ConsumeContext context) => context.Headers.Get<string>(DiagnosticHeaders.ActivityId);
}
