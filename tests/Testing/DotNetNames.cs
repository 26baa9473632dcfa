using System.Text.RegularExpressions;
using Xunit;

namespace MicroInternships.Testing;

/// <summary>
/// Finds .NET type and parameter names in an answer meant for API clients: those speak the contract's field names
/// only, and a framework message such as <c>Failed to bind parameter "int? limit"</c> tells an attacker what runs inside.
/// </summary>
public static partial class DotNetNames
{
    [GeneratedRegex("""
        \b(?:System|Microsoft|MicroInternships|Npgsql|MassTransit)\.[A-Z]
        | \bparameter\s+\\?"
        | \b(?:Int16|Int32|Int64|UInt16|UInt32|UInt64|Nullable|Boolean|DateOnly|DateTimeOffset|TimeSpan)\b
        | \\?"(?:int|long|bool|string|decimal|double|Guid|DateOnly)\??\s
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Leak();

    public static string? FindIn(string answer) => Leak().Match(answer) is { Success: true } leak ? leak.Value : null;

    public static void AssertNoneIn(string answer)
    {
        var leak = FindIn(answer);
        Assert.True(leak is null, $"The answer echoes the .NET name '{leak}': {answer}");
    }
}
