using System.Diagnostics;

namespace MicroInternships.ServiceDefaults.Telemetry;

/// <summary>
/// Work done later on behalf of an earlier request (a stored event, a payout sent by a job, a webhook about it)
/// continues that request's trace from its stored W3C <c>traceparent</c>, so ops follow one journey in one trace.
/// </summary>
public static class TraceContinuation
{
    /// <summary>
    /// Starts <paramref name="name"/> as a child of <paramref name="traceParent"/> (or of the current activity when there
    /// is none), optionally linked to the current activity, and makes it current until the scope is disposed.
    /// Without a listener it still carries the trace, so HTTP calls and messages sent inside it propagate it.
    /// </summary>
    public static ContinuedActivity Continue(
        this ActivitySource source, string name, string? traceParent, string? traceState = null, ActivityKind kind = ActivityKind.Internal, bool linkCurrent = false)
    {
        var previous = Activity.Current;
        if (!ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent))
        {
            return new ContinuedActivity(source.StartActivity(name, kind), previous);
        }

        ActivityLink[]? links = linkCurrent && previous is not null ? [new ActivityLink(previous.Context)] : null;
        var activity = source.StartActivity(name, kind, parent, links: links)
            ?? new Activity(name).SetParentId(traceParent!).Start();
        if (traceState is not null)
        {
            activity.TraceStateString = traceState;
        }

        return new ContinuedActivity(activity, previous);
    }

    /// <summary>The current activity's W3C id and trace state, to store with work that continues it later.</summary>
    public static (string? TraceParent, string? TraceState) Capture()
    {
        var activity = Activity.Current;
        return activity?.IdFormat == ActivityIdFormat.W3C ? (activity.Id, activity.TraceStateString) : (null, null);
    }
}

/// <summary>Stops the continued activity and puts back the one that was current before, which a remote parent would not.</summary>
public readonly struct ContinuedActivity(Activity? activity, Activity? previous) : IDisposable
{
    public Activity? Activity { get; } = activity;

    public void Dispose()
    {
        Activity?.Dispose();
        System.Diagnostics.Activity.Current = previous;
    }
}
