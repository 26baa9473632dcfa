namespace MicroInternships.Messaging.Inbox;

internal static class ConsumerName
{
    /// <summary>The name an inbox record carries: stable across deployments, distinct per consumer class.</summary>
    public static string Of(Type consumerType)
    {
        var name = consumerType.FullName ?? consumerType.Name;
        return name.Length <= 200 ? name : name[^200..];
    }
}
