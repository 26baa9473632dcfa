using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroInternships.ServiceDefaults.Json;

/// <summary>
/// Instants must say where they are: a time without an offset is refused rather than read in the server's zone.
/// Every instant is written in UTC (<c>Z</c>).
/// </summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTime(out var local) || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new InvalidFieldValueException("Expected an ISO 8601 date and time with an offset, e.g. 2027-01-17T16:30:00Z.");
        }

        if (local.Kind == DateTimeKind.Unspecified)
        {
            throw new InvalidFieldValueException("The time has no offset; add Z or one such as -08:00.");
        }

        return value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
