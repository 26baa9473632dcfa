using System.Collections.Concurrent;
using System.Text.Json;

namespace MicroInternships.Testing;

/// <summary>One answer of 400 or above as a test saw it: the request's method and path, the status and the problem's code.</summary>
public sealed record ObservedProblem(string Method, string Path, int Status, string? Code)
{
    /// <summary>The code of a problem-details body; none for another body.</summary>
    public static string? CodeIn(string? mediaType, ReadOnlySpan<byte> body)
    {
        if (mediaType is not "application/problem+json" || body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("code", out var code)
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// Every refusal a suite observes, kept until its fixture ends and then checked against the API documents: an answer
/// the description does not declare fails the suite, so clients can rely on the documented statuses and codes.
/// </summary>
public sealed class ObservedProblems
{
    private readonly ConcurrentQueue<ObservedProblem> _observed = new();

    public void Record(ObservedProblem problem)
    {
        if (problem.Status >= 400)
        {
            _observed.Enqueue(problem);
        }
    }

    public IReadOnlyList<ObservedProblem> All => [.. _observed];

    /// <exception cref="UndeclaredProblemsException">Some observed answer is not declared.</exception>
    public void AssertDeclaredIn(DeclaredProblems declared)
    {
        var undeclared = _observed.Select(declared.Undeclared).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        if (undeclared.Count > 0)
        {
            throw new UndeclaredProblemsException(undeclared);
        }
    }
}

public sealed class UndeclaredProblemsException(IReadOnlyList<string> undeclared) : Exception(
    "The tests saw answers the API documents do not declare; declare them on the route (.Refuses(...)) and rebuild api/:\n"
    + string.Join("\n", undeclared));
