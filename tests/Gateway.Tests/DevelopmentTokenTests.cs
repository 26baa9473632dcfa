using System.Net;
using System.Net.Http.Json;
using System.Text;
using MicroInternships.Gateway.DevelopmentTokens;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MicroInternships.Gateway.Tests;

public sealed class DevelopmentTokenTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Issue_ForPartner_CarriesTheContractsClaims()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/dev/token",
            new { sub = "p-7", role = "partner", name = "Pat", email = "pat@example.com", org = "org-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<DevelopmentTokenResponse>();
        Assert.NotNull(issued);
        Assert.Equal(3600, issued.ExpiresIn);
        var token = new JsonWebToken(issued.AccessToken);
        Assert.Equal("p-7", token.Subject);
        Assert.Equal("partner", token.GetClaim("role").Value);
        Assert.Equal("org-1", token.GetClaim("org").Value);
        Assert.Equal("Pat", token.GetClaim("name").Value);
        Assert.Equal("pat@example.com", token.GetClaim("email").Value);
        Assert.Equal("micro-internships", token.Issuer);
    }

    [Theory]
    [InlineData("""{ "sub": "s-1", "role": "admin" }""", "role")]
    [InlineData("""{ "role": "student" }""", "sub")]
    [InlineData("""{ "sub": "p-1", "role": "partner" }""", "org")]
    public async Task Issue_WithInvalidField_Returns400NamingIt(string body, string field)
    {
        using var response = await factory.CreateClient().PostAsync("/dev/token", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();
        Assert.True(problem?.Errors.ContainsKey(field), $"errors should name {field}");
    }

    [Fact]
    public async Task Issue_WithSubjectLongerThan255_Returns400()
    {
        using var response = await factory.CreateClient().PostAsJsonAsync("/dev/token", new { sub = new string('s', 256), role = "student" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Issue_WithMalformedJson_Returns400ProblemDetails()
    {
        using var response = await factory.CreateClient().PostAsync("/dev/token", new StringContent("{bad", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ApiRoute_WithoutToken_Returns401BeforeReachingAnyService()
    {
        using var response = await factory.CreateClient().GetAsync("/api/listings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownPathOutsideApi_Returns404WithoutToken()
    {
        using var response = await factory.CreateClient().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiPath_WithoutToken_Returns401()
    {
        using var response = await factory.CreateClient().GetAsync("/api/no-such-resource");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private sealed record ValidationProblem(Dictionary<string, string[]> Errors);
}
