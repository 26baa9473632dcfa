namespace MicroInternships.ServiceDefaults.Data;

/// <summary>An entity whose state changes move money; telemetry adds its amount to <c>state.transitions.amount</c> at each change.</summary>
public interface IHasAmount
{
    long AmountCents { get; }
}
