using System.Net;
using System.Net.Http.Json;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Xunit;

namespace MicroInternships.Testing;

public abstract partial class ServiceFoundationTests<TProgram>
{
    /// <summary>
    /// Every route of the versioned alias, asked for a version the API does not have (v2 today), is a 404 saying so
    /// (<c>unsupported_api_version</c>): the route does not exist in that version. A segment that is not a version at all is
    /// an unknown route. Never a 500 or an empty body. Signed in as a coordinator so the answer is about the version, not the caller.
    /// </summary>
    [Theory]
    [InlineData("2", HttpStatusCode.NotFound, "unsupported_api_version")]
    [InlineData("1.7", HttpStatusCode.NotFound, "unsupported_api_version")]
    [InlineData("X", HttpStatusCode.NotFound, "not_found")]
    public async Task AVersionTheApiDoesNotHave_IsAProblemNamingIt(string version, HttpStatusCode status, string code)
    {
        var versioned = Endpoints().Where(endpoint => endpoint.RoutePattern.RawText!.Contains("{version", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(versioned);
        using var client = factory.CreateClientAs("version-asker", Roles.Coordinator, Guid.NewGuid().ToString());

        foreach (var endpoint in versioned)
        {
            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods[0];
            var path = PathOf(endpoint).Replace("/api/v1/", $"/api/v{version}/", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };

            using var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == status, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(code, (await response.Content.ReadFromJsonAsync<Problem>())?.Code);
        }
    }
}
