using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.ServiceDefaults.Api;

public static class EnumFilter
{
    /// <summary>A <c>?status=</c>-like filter in its wire spelling; null when absent, a 400 naming the field and its values when unknown.</summary>
    public static TEnum? Parse<TEnum>(string? text, string field) where TEnum : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        return WireName.TryParse<TEnum>(text, out var value)
            ? value
            : throw ValidationException.For(field, $"{field} must be one of {string.Join(", ", Enum.GetValues<TEnum>().Select(WireName.Of))}.");
    }
}
