using System.Net;
using System.Security.Claims;
using MicroInternships.Web.Api;
using MicroInternships.Clients.Placements.Models;
using ApiProblem = MicroInternships.Web.Api.ApiProblem;
using Polly.Timeout;

namespace MicroInternships.Web.Tests;

public sealed class GatewayClientTests
{
    private static readonly Guid _placementId = Guid.Parse("0193b6a0-0000-7000-8000-0000000000cc");
    private static readonly Guid _courseId = Guid.Parse("0193b6a0-0000-7000-8000-0000000000c1");
    private static readonly Guid _listingId = Guid.Parse("0193b6a0-0000-7000-8000-0000000000aa");

    [Fact]
    public async Task A_read_carries_the_signed_in_persons_token_and_no_idempotency_key()
    {
        var gateway = new FakeGateway().Answer(HttpStatusCode.OK, """{"verificationCode":"abc","verifyUrl":"http://x/verify/abc"}""");

        var result = await gateway.ClientFor(FakeGateway.SignedIn("student", token: "t-42")).CallAsync(api => api.Placements.Api.Placements[_placementId].Record.GetAsync());

        Assert.True(result.Succeeded);
        Assert.Equal("abc", result.Value.VerificationCode);
        var (request, _) = Assert.Single(gateway.Received);
        Assert.Equal($"/api/placements/{_placementId}/record", request.RequestUri!.AbsolutePath);
        Assert.Equal("Bearer t-42", request.Headers.Authorization?.ToString());
        Assert.False(request.Headers.Contains("Idempotency-Key"));
    }

    [Fact]
    public async Task Each_call_carries_the_visitors_address_so_the_gateway_limits_each_visitor_not_the_whole_site()
    {
        const string emptyPage = """{"items":[],"nextCursor":null}""";
        var gateway = new FakeGateway().Answer(HttpStatusCode.OK, emptyPage).Answer(HttpStatusCode.OK, emptyPage);

        await gateway.ClientFor(new ClaimsPrincipal(), IPAddress.Parse("198.51.100.7")).CallAsync(api => api.Listings.Api.Listings.GetAsync());
        await gateway.ClientFor(new ClaimsPrincipal(), visitorAddress: null).CallAsync(api => api.Listings.Api.Listings.GetAsync());

        Assert.Equal(["198.51.100.7"], gateway.Received[0].Request.Headers.GetValues("X-Forwarded-For"));
        Assert.False(gateway.Received[1].Request.Headers.Contains("X-Forwarded-For"));
    }

    [Fact]
    public async Task Every_action_gets_its_own_idempotency_key_so_retries_of_one_call_are_safe()
    {
        var gateway = new FakeGateway().Answer(HttpStatusCode.NoContent, "").Answer(HttpStatusCode.NoContent, "");
        var client = gateway.ClientFor(FakeGateway.SignedIn("faculty"));

        await client.CallAsync(api => api.Listings.Api.Courses[_courseId].Listings[Guid.CreateVersion7()].PutAsync());
        await client.CallAsync(api => api.Listings.Api.Courses[_courseId].Listings[Guid.CreateVersion7()].PutAsync());

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

        var result = await gateway.ClientFor(FakeGateway.SignedIn("student"))
            .CallAsync(api => api.Placements.Api.Applications.PostAsync(new ApplyRequest { ListingId = _listingId, Pitch = "" }));

        Assert.False(result.Succeeded);
        Assert.Equal(400, result.Problem.Status);
        Assert.Equal(["pitch is required."], result.Problem.For("pitch"));
        Assert.Equal($$"""{"listingId":"{{_listingId}}","pitch":""}""", gateway.Received.Single().Body);
    }

    [Fact]
    public async Task A_gateway_that_cannot_be_reached_is_a_problem_to_show_not_an_exception()
    {
        var gateway = new FakeGateway().Fail(new HttpRequestException("connection refused"));

        var result = await gateway.ClientFor(new ClaimsPrincipal()).CallAsync(api => api.Listings.Api.Listings.GetAsync());

        Assert.Same(ApiProblem.Unreachable, result.Problem);
    }

    /// <summary>The resilience handler's total timeout throws its own exception; escaping, it would end the page's circuit.</summary>
    [Fact]
    public async Task A_gateway_that_answers_too_late_is_a_problem_saying_it_may_have_been_done_not_an_exception()
    {
        var gateway = new FakeGateway().Fail(new TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:30'."));

        var result = await gateway.ClientFor(new ClaimsPrincipal()).CallAsync(api => api.Payments.Api.Payouts[Guid.CreateVersion7()].Retry.PostAsync());

        Assert.Same(ApiProblem.NoAnswer, result.Problem);
    }

    [Fact]
    public async Task An_anonymous_call_sends_no_authorization()
    {
        var gateway = new FakeGateway().Answer(HttpStatusCode.NotFound, """{"status":404,"detail":"No record has this code."}""", "application/problem+json");

        var result = await gateway.ClientFor(new ClaimsPrincipal()).CallAsync(api => api.Placements.Api.Verify["nope"].GetAsync());

        Assert.Equal(404, result.Problem?.Status);
        Assert.Null(gateway.Received.Single().Request.Headers.Authorization);
    }

    /// <summary>A proxy in front of the platform answers in HTML; the generated client has no reader for it, for a 503 it maps.</summary>
    [Theory]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task An_error_page_that_is_not_problem_details_is_a_problem_to_show_not_an_exception(HttpStatusCode status)
    {
        var gateway = new FakeGateway().Answer(status, "<html>Service unavailable</html>", "text/html");

        var result = await gateway.ClientFor(new ClaimsPrincipal()).CallAsync(api => api.Listings.Api.Listings.GetAsync());

        Assert.False(result.Succeeded);
        Assert.Equal("The platform is having trouble right now. Try again in a moment.", result.Problem.Describe());
    }
}
