using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroInternships.ServiceDefaults.Json;

/// <summary>
/// The wire format of the contract: camelCase, snake_case enum values, instants with offsets, numbers as JSON numbers
/// (the web defaults also read <c>"5"</c> as 5, which the API description would then have to promise everywhere).
/// </summary>
public static class ApiJsonOptions
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
    }
}
