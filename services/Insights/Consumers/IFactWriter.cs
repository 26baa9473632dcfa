using MicroInternships.Insights.Data;

namespace MicroInternships.Insights.Consumers;

/// <summary>How a fact consumer writes its event, apart from its deliveries: what a page of a replayed history is written through.</summary>
public interface IFactWriter
{
    Type EventType { get; }

    void Write(FactBatch batch, object message);
}
