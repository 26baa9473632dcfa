using System.Text.Json;
using System.Text.RegularExpressions;

namespace MicroInternships.Testing;

/// <summary>
/// The problems the checked-in API documents (api/*.json) declare: for each operation, the statuses it answers and the
/// <c>code</c>s each carries (<c>x-problem-codes</c>). What the test suites observe is checked against them.
/// </summary>
public sealed partial class DeclaredProblems
{
    private readonly List<Operation> _operations;

    private DeclaredProblems(List<Operation> operations) => _operations = operations;

    /// <summary>The documents of these services (<c>listings</c>, <c>placements</c>...); none for a service without one.</summary>
    public static DeclaredProblems For(params string[] services) =>
        new([.. services.Select(service => Path.Combine(Repository.Root, "api", $"{service}.json")).Where(File.Exists).SelectMany(Read)]);

    /// <summary>Why this answer is not declared, or null when it is (or when it is not an answer of a described operation).</summary>
    public string? Undeclared(ObservedProblem observed)
    {
        var path = VersionSegment().Replace(observed.Path.Split('?')[0], "/api/");
        // As routing does: a literal segment beats a parameter (/api/placements/reflections is not /api/placements/{id}).
        var operation = _operations.Where(op => op.Method == observed.Method && op.Path.IsMatch(path)).MaxBy(op => op.LiteralSegments);
        if (operation is null)
        {
            return null;
        }

        if (!operation.Codes.TryGetValue(observed.Status, out var codes))
        {
            return $"{operation.Name}: {observed.Status} is not declared (code {observed.Code ?? "none"})";
        }

        return observed.Code switch
        {
            null => $"{operation.Name}: {observed.Status} came without a code",
            var code when !codes.Contains(code) => $"{operation.Name}: {observed.Status} {code} is not declared (declared: {string.Join(", ", codes)})",
            _ => null,
        };
    }

    private static IEnumerable<Operation> Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            var template = new Regex("^" + PathParameter().Replace(Regex.Escape(path.Name), "[^/]+") + "/?$", RegexOptions.CultureInvariant);
            foreach (var operation in path.Value.EnumerateObject())
            {
                var codes = new Dictionary<int, HashSet<string>>();
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    if (int.TryParse(response.Name, out var status) && status >= 400)
                    {
                        codes[status] = response.Value.TryGetProperty("x-problem-codes", out var declared)
                            ? [.. declared.EnumerateArray().Select(code => code.GetString()!)]
                            : [];
                    }
                }

                var literalSegments = path.Name.Split('/').Count(segment => segment.Length > 0 && !segment.StartsWith('{'));
                yield return new Operation(operation.Name.ToUpperInvariant(), template, $"{operation.Name.ToUpperInvariant()} {path.Name}", codes, literalSegments);
            }
        }
    }

    [GeneratedRegex(@"\\\{[^}]+}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"^/api/v1/")]
    private static partial Regex VersionSegment();

    private sealed record Operation(string Method, Regex Path, string Name, Dictionary<int, HashSet<string>> Codes, int LiteralSegments);
}
