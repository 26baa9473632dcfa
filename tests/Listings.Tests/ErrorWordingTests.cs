using System.Net;
using System.Text;
using System.Text.Json;

namespace MicroInternships.Listings.Tests;

/// <summary>
/// Requests the framework itself cannot read: the answer names the field as the contract does and echoes no .NET
/// type or parameter name (ASP.NET Core's own messages do, e.g. <c>Failed to bind parameter "int? limit"</c>).
/// </summary>
[Collection(ListingsCollection.Name)]
public sealed class ErrorWordingTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Theory]
    [InlineData("/api/listings?limit=abc", "limit")]
    [InlineData("/api/listings?minHours=many", "minHours")]
    [InlineData("/api/organizations?limit=99999999999", "limit")]
    public async Task AQueryValueOfTheWrongType_NamesTheQueryField(string uri, string field)
    {
        using var response = await _scenario.Student.GetAsync(uri);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("""{"title": 12, "compensation": {"amountCents": "lots"}}""", "title")]
    [InlineData("""{"compensation": {"amountCents": "lots", "currency": "USD"}}""", "compensation.amountCents")]
    [InlineData("""{"workMode": "underwater"}""", "workMode")]
    [InlineData("""{"applicationDeadline": "next tuesday"}""", "applicationDeadline")]
    [InlineData("""{"openings": 1.5}""", "openings")]
    public async Task ABodyFieldOfTheWrongType_IsNamedByItsJsonPath(string body, string field)
    {
        using var response = await PostRawAsync(body, "application/json");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("\"a listing\"")]
    [InlineData("")]
    [InlineData("{\"title\": \"x\",}")]
    public async Task ABodyThatIsNotAJsonObject_IsRefusedInTheContractsWords(string body)
    {
        using var response = await PostRawAsync(body, "application/json");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task ABodyThatIsNotJson_Is415InTheContractsWords()
    {
        using var response = await PostRawAsync("title=x", "application/x-www-form-urlencoded");

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    private async Task<HttpResponseMessage> PostRawAsync(string body, string mediaType)
    {
        var organization = await _scenario.CreateOrganizationAsync();
        return await _scenario.PartnerOf(organization).PostAsync("/api/listings", new StringContent(body, Encoding.UTF8, mediaType));
    }
}
