using System.Text.Json.Nodes;
using Xunit;

namespace MicroInternships.Testing;

public abstract partial class ServiceFoundationTests<TProgram>
{
    /// <summary>
    /// The check every fixture makes when it ends (<see cref="ObservedProblems.AssertDeclaredIn"/>) accepts what the
    /// document declares and names what it does not: a status, a code, a problem without a code. Through /api/v1 too.
    /// </summary>
    [Fact]
    public async Task ObservedRefusals_AreCheckedAgainstTheDocument()
    {
        var service = ServiceFactory<TProgram>.ServiceName;
        var document = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "api", $"{service}.json")))!;
        var operation = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key.ToUpperInvariant(), Responses: op.Value!["responses"]!.AsObject())))
            .First(op => op.Responses.ContainsKey("400"));
        var path = operation.Path.Replace("{", "x").Replace("}", "x");
        var declared = DeclaredProblems.For(service);
        var observed = new ObservedProblems();

        observed.Record(new ObservedProblem(operation.Method, path, 400, "validation_failed"));
        observed.Record(new ObservedProblem(operation.Method, path.Replace("/api/", "/api/v1/"), 400, "malformed_request"));
        observed.AssertDeclaredIn(declared);

        observed.Record(new ObservedProblem(operation.Method, path, 400, "no_such_code"));
        observed.Record(new ObservedProblem(operation.Method, path, 418, "teapot"));
        observed.Record(new ObservedProblem(operation.Method, path, 400, null));
        var undeclared = Assert.Throws<UndeclaredProblemsException>(() => observed.AssertDeclaredIn(declared));
        Assert.Contains("400 no_such_code is not declared", undeclared.Message);
        Assert.Contains("418 is not declared", undeclared.Message);
        Assert.Contains("400 came without a code", undeclared.Message);
    }
}
