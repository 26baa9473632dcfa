namespace MicroInternships.ServiceDefaults.Jobs;

/// <summary>The <see cref="WakeUpSignal"/> of one <see cref="PeriodicJob"/> (<typeparamref name="TJob"/>), told after a commit that left it work.</summary>
public sealed class JobWakeUp<TJob> : WakeUpSignal where TJob : PeriodicJob;
