using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroInternships.ServiceDefaults.Health;

/// <summary>The health bodies, and the kinds of figure a check puts in its data.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthStatuses))]
[JsonSerializable(typeof(HealthDetail))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
public sealed partial class HealthJsonContext : JsonSerializerContext;
