using System.Collections.Concurrent;

namespace MicroInternships.Messaging.Outbox;

/// <summary>Maps message types to the version-free names stored in outbox rows, and back.</summary>
internal static class MessageTypeNames
{
    private static readonly ConcurrentDictionary<Type, string> _names = new();
    private static readonly ConcurrentDictionary<string, Type> _types = new(StringComparer.Ordinal);

    public static string NameOf(Type type) =>
        _names.GetOrAdd(type, static t => $"{t.FullName}, {t.Assembly.GetName().Name}");

    public static Type TypeOf(string name) =>
        _types.GetOrAdd(name, static n => Type.GetType(n, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox message type '{n}' is not known to this process."));
}
