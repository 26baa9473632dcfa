using System.Text.Json;

namespace MicroInternships.ServiceDefaults.Json;

/// <summary>
/// Our converters' refusal of one field's value, in words written for the caller. The serializer's own refusals name
/// .NET types, so only messages of this type are passed on to the caller.
/// </summary>
public sealed class InvalidFieldValueException(string message) : JsonException(message);
