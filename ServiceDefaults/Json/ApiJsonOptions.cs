using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroInternships.ServiceDefaults.Json;

/// <summary>The wire format of the contract: camelCase, snake_case enum values, instants with offsets.</summary>
public static class ApiJsonOptions
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
    }
}
