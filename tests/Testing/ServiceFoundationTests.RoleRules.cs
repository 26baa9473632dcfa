using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MicroInternships.Testing;

public abstract partial class ServiceFoundationTests<TProgram>
{
    /// <summary>
    /// Routes say who may call them only through named role rules: no bare role list that would refuse with a code of
    /// its own, or none.
    /// </summary>
    [Fact]
    public void RoutePolicies_NameTheirRolesOnlyThroughRoleRules()
    {
        var bare = Endpoints()
            .SelectMany(endpoint => endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()
                .SelectMany(policy => policy.Requirements)
                .Where(requirement => requirement is RolesAuthorizationRequirement or ClaimsAuthorizationRequirement or AssertionRequirement)
                .Select(requirement => $"{endpoint.DisplayName}: {requirement}"))
            .ToList();

        Assert.True(bare.Count == 0, string.Join("\n", bare));
    }

    /// <summary>Every route a role rule guards refuses a role it does not allow with the rule's code, before reading anything.</summary>
    [Fact]
    public async Task EveryRouteRoleRule_RefusesOtherRolesWithItsCode()
    {
        var guarded = Endpoints()
            .SelectMany(endpoint => endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()
                .SelectMany(policy => policy.Requirements.OfType<RoleRule>())
                .Select(rule => (Endpoint: endpoint, Rule: rule)))
            .ToList();
        Assert.NotEmpty(guarded);

        foreach (var (endpoint, rule) in guarded)
        {
            var role = Roles.All.Order(StringComparer.Ordinal).FirstOrDefault(role => !rule.Allows(role)) ?? "alumnus";
            using var client = factory.CreateClientAs($"role-rule-{role}", role, Guid.NewGuid().ToString());
            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods[0];
            using var request = new HttpRequestMessage(new HttpMethod(method), PathOf(endpoint)) { Content = JsonContent.Create(new { }) };

            using var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{endpoint.DisplayName} as {role}: {(int)response.StatusCode}");
            Assert.Equal(rule.Code, (await response.Content.ReadFromJsonAsync<Problem>())?.Code);
        }
    }

    private List<RouteEndpoint> Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private static string PathOf(RouteEndpoint endpoint) =>
        "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.TrimStart('/'), parameter =>
            parameter.Value.StartsWith("{version", StringComparison.Ordinal) ? "1" : Guid.NewGuid().ToString());

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
