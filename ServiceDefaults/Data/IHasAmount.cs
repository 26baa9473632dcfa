namespace MicroInternships.ServiceDefaults.Telemetry;

/// <summary>An entity whose state changes move money: its amount is added to <c>state.transitions.amount</c> at each change.</summary>
public interface IHasAmount
{
    long AmountCents { get; }
}
