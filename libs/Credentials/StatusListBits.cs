using System.IO.Compression;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Credentials;

/// <summary>
/// The bits of a W3C Bitstring Status List: each credential owns one bit of one list, set when it is revoked. A list
/// holds 131,072 bits (16 KiB), the size the specification sets as the minimum so a bit does not single a credential
/// out; it travels GZIP-compressed as multibase base64url (a <c>u</c> prefix), the first bit the high bit of byte 0.
/// </summary>
public static class StatusListBits
{
    public const int Size = 131_072;

    /// <summary>Which list (from 1) and which bit of it a credential's status index names.</summary>
    public static (int List, int Bit) Position(long statusIndex) => ((int)(statusIndex / Size) + 1, (int)(statusIndex % Size));

    /// <summary>
    /// The status index of the <paramref name="number"/>th credential: the same list, the place in it scattered by a
    /// fixed permutation of the list's positions (an odd multiplier and a mask, both one-to-one modulo a power of two),
    /// so bits are never shared and say nothing of issuance order.
    /// </summary>
    public static long Scatter(long number)
    {
        var place = number % Size;
        return number - place + (((place * 0x9E37) ^ 0x5A3C) & (Size - 1));
    }

    /// <summary>The status indexes list <paramref name="list"/> covers.</summary>
    public static (long First, long Last) Indexes(int list) => ((long)(list - 1) * Size, ((long)list * Size) - 1);

    public static string Encode(IEnumerable<int> setBits)
    {
        var bits = new byte[Size / 8];
        foreach (var bit in setBits)
        {
            bits[bit / 8] |= (byte)(0x80 >> (bit % 8));
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(bits);
        }

        return "u" + Base64UrlEncoder.Encode(compressed.ToArray());
    }

    /// <exception cref="FormatException">The text is not an encoded list.</exception>
    public static bool IsSet(string encodedList, int bit)
    {
        if (!encodedList.StartsWith('u') || bit < 0)
        {
            throw new FormatException("An encoded status list is multibase base64url, starting with 'u'.");
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(Base64UrlEncoder.DecodeBytes(encodedList[1..])), CompressionMode.Decompress);
            using var bits = new MemoryStream();
            gzip.CopyTo(bits);
            return bit / 8 < bits.Length && (bits.GetBuffer()[bit / 8] & (0x80 >> (bit % 8))) != 0;
        }
        catch (InvalidDataException exception)
        {
            throw new FormatException("The encoded status list is not GZIP-compressed.", exception);
        }
    }
}
