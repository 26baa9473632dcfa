using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroInternships.ServiceDefaults.Health;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthStatuses))]
public sealed partial class HealthJsonContext : JsonSerializerContext;
