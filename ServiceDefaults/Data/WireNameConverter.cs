using MicroInternships.ServiceDefaults.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MicroInternships.ServiceDefaults.Data;

/// <summary>Stores an enum as its wire name, so the database reads like the API (and survives reordered members).</summary>
public sealed class WireNameConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => WireName.Of(value),
    text => Parse(text))
    where TEnum : struct, Enum
{
    private static TEnum Parse(string text) =>
        WireName.TryParse<TEnum>(text, out var value) ? value : throw new InvalidOperationException($"'{text}' is not a {typeof(TEnum).Name}.");
}
