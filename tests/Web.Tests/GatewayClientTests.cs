using System.Net;
using System.Security.Claims;
using MicroInternships.Web.Api;
using MicroInternships.Web.Api.Contracts;
using Polly.Timeout;

namespace MicroInternships.Web.Tests;

public sealed class GatewayClientTests
{
    [Fact]
    public async Task A_read_carries_the_signed_in_persons_token_and_no_idempotency_key()
    {
        var gateway = new FakeGateway().Answer(HttpStatusCode.OK, """{"verificationCode":"abc","verifyUrl":"http://x/verify/abc"}""");

        var result = await gateway.ClientFor(FakeGateway.SignedIn("student", token: "t-42")).GetAsync<PlacementRecord>("/api/placements/1/record");

        Assert.True(result.Succeeded);
        Assert.Equal("abc", result.Value.VerificationCode);
        var (request, _) = Assert.Single(gateway.Received);
        Assert.Equal("Bearer t-42", request.Headers.Authorization?.ToString());
        Assert.False(request.Headers.Contains("Idempotency-Key"));
    }

    [Fact]
    public async Task Each_call_carries_the_visitors_address_so_the_gateway_limits_each_visitor_not_the_whole_site()
    {
        const string emptyPage = """{"items":[],"nextCursor":null}""";
        var gateway = new FakeGateway().Answer(HttpStatusCode.OK, emptyPage).Answer(HttpStatusCode.OK, emptyPage);

        await gateway.ClientFor(new ClaimsPrincipal(), IPAddress.Parse("198.51.100.7")).GetAsync<Page<Listing>>("/api/listings");
        await gateway.ClientFor(new ClaimsPrincipal(), visitorAddress: null).GetAsync<Page<Listing>>("/api/listings");

        Assert.Equal(["198.51.100.7"], gateway.Received[0].Request.Headers.GetValues("X-Forwarded-For"));
        Assert.False(gateway.Received[1].Request.Headers.Contains("X-Forwarded-For"));
    }

    [Fact]
    public async Task Every_action_gets_its_own_idempotency_key_so_retries_of_one_call_are_safe()
    {
        var gateway = new FakeGateway().Answer(HttpStatusCode.NoContent, "").Answer(HttpStatusCode.NoContent, "");
        var client = gateway.ClientFor(FakeGateway.SignedIn("faculty"));

        await client.SendAsync(HttpMethod.Put, "/api/courses/1/listings/2");
        await client.SendAsync(HttpMethod.Put, "/api/courses/1/listings/3");

        var keys = gateway.Received.Select(received => received.Request.Headers.GetValues("Idempotency-Key").Single()).ToList();
        Assert.Equal(2, keys.Distinct().Count());
        Assert.All(keys, key => Assert.True(Guid.TryParse(key, out _)));
    }

    [Fact]
    public async Task A_validation_problem_comes_back_with_its_field_messages()
    {
        var gateway = new FakeGateway().Answer(HttpStatusCode.BadRequest,
            """{"title":"One or more validation errors occurred.","status":400,"code":"validation_failed","errors":{"pitch":["pitch is required."]}}""",
            "application/problem+json");

        var result = await gateway.ClientFor(FakeGateway.SignedIn("student")).PostAsync<Application>("/api/applications", new { pitch = "" });

        Assert.False(result.Succeeded);
        Assert.Equal(400, result.Problem.Status);
        Assert.Equal(["pitch is required."], result.Problem.For("pitch"));
        Assert.Equal("""{"pitch":""}""", gateway.Received.Single().Body);
    }

    [Fact]
    public async Task A_gateway_that_cannot_be_reached_is_a_problem_to_show_not_an_exception()
    {
        var gateway = new FakeGateway().Fail(new HttpRequestException("connection refused"));

        var result = await gateway.ClientFor(new ClaimsPrincipal()).GetAsync<Page<Listing>>("/api/listings");

        Assert.Same(ApiProblem.Unreachable, result.Problem);
    }

    /// <summary>The resilience handler's total timeout throws its own exception; escaping, it would end the page's circuit.</summary>
    [Fact]
    public async Task A_gateway_that_answers_too_late_is_a_problem_saying_it_may_have_been_done_not_an_exception()
    {
        var gateway = new FakeGateway().Fail(new TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:30'."));

        var result = await gateway.ClientFor(new ClaimsPrincipal()).PostAsync<Placement>("/api/payouts/0193b6a0-0000-7000-8000-0000000000ee/retry");

        Assert.Same(ApiProblem.NoAnswer, result.Problem);
    }

    [Fact]
    public async Task An_anonymous_call_sends_no_authorization()
    {
        var gateway = new FakeGateway().Answer(HttpStatusCode.NotFound, """{"status":404,"detail":"No record has this code."}""", "application/problem+json");

        var result = await gateway.ClientFor(new ClaimsPrincipal()).GetAsync<VerifiedRecord>("/api/verify/nope");

        Assert.Equal(404, result.Problem?.Status);
        Assert.Null(gateway.Received.Single().Request.Headers.Authorization);
    }
}
