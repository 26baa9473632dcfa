using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace MicroInternships.Web.Tests;

/// <summary>The generated models as the API writes them, and copies of them with a change, for canned gateway answers.</summary>
internal static class KiotaJson
{
    public static string Of(IParsable model)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var reader = new StreamReader(writer.GetSerializedContent());
        return reader.ReadToEnd();
    }

    public static T Read<T>(string json, ParsableFactory<T> factory) where T : IParsable =>
        new JsonParseNode(JsonDocument.Parse(json).RootElement).GetObjectValue(factory);

    /// <summary>A copy of <paramref name="model"/> with <paramref name="change"/> made to it; the original is left as it was.</summary>
    public static T With<T>(this T model, Action<T> change) where T : IParsable, new()
    {
        var copy = Read(Of(model), _ => new T());
        change(copy);
        return copy;
    }
}
