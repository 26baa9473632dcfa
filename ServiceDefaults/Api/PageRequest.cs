using System.Buffers.Text;
using System.Text;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.ServiceDefaults.Api;

/// <summary>
/// <c>?limit=</c> (1..100, default 20) and an opaque <c>?cursor=</c>: the key of the last item of the previous
/// page, so a page never skips or repeats items when rows are added meanwhile.
/// </summary>
public static class PageRequest
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static int Limit(int? limit) => limit switch
    {
        null => DefaultLimit,
        >= 1 and <= MaxLimit => limit.Value,
        _ => throw ValidationException.For("limit", $"limit must be 1 to {MaxLimit}."),
    };

    public static string Encode(params string[] parts) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', parts)));

    /// <summary>The cursor's parts, or null for the first page; a cursor that was not made by us is a 400.</summary>
    public static string[]? Decode(string? cursor, int parts)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
            return decoded.Length == parts ? decoded : throw InvalidCursor();
        }
        catch (FormatException)
        {
            throw InvalidCursor();
        }
    }

    /// <summary>The usual keyset: newest first by creation time, then id.</summary>
    public static (DateTimeOffset CreatedAt, Guid Id)? DecodeNewestFirst(string? cursor)
    {
        if (Decode(cursor, 2) is not { } parts)
        {
            return null;
        }

        return long.TryParse(parts[0], out var ticks) && Guid.TryParse(parts[1], out var id) && ticks >= 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : throw InvalidCursor();
    }

    public static string EncodeNewestFirst(DateTimeOffset createdAt, Guid id) => Encode(createdAt.UtcTicks.ToString(), id.ToString());

    public static ValidationException InvalidCursor() => ValidationException.For("cursor", "cursor is not one this list gave out.");
}
