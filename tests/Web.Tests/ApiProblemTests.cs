using System.Net;
using System.Text;
using MicroInternships.Web.Api;

namespace MicroInternships.Web.Tests;

public sealed class ApiProblemTests
{
    private static readonly Dictionary<string, string[]> _listingErrors = new()
    {
        ["compensation.amountCents"] = ["Pay must be at least 1600 cents per estimated hour."],
        ["title"] = ["title must be 3 to 120 characters."],
        ["applicationDeadline"] = ["The deadline must be in the future."],
    };

    [Fact]
    public void A_nested_field_name_matches_the_input_that_shows_it()
    {
        var problem = new ApiProblem(400, null, null, null, _listingErrors);

        Assert.Equal(["Pay must be at least 1600 cents per estimated hour."], problem.For("amountCents"));
        Assert.Equal(["Pay must be at least 1600 cents per estimated hour."], problem.For("compensation"));
        Assert.Empty(problem.For("summary"));
    }

    [Fact]
    public void Messages_no_input_shows_are_kept_for_the_summary()
    {
        var problem = new ApiProblem(400, null, null, null, _listingErrors);

        Assert.Equal(["The deadline must be in the future."], problem.Except(["title", "amountCents"]));
    }

    [Theory]
    [InlineData(401, "Your session has ended. Sign in again to continue.")]
    [InlineData(412, "Someone else saved a change since you opened this page. Reload it to see theirs, then make yours again.")]
    [InlineData(429, "Too many requests in a short time. Wait a moment and try again.")]
    [InlineData(503, "The platform is having trouble right now. Try again in a moment.")]
    [InlineData(409, "The listing is not open for applications.")]
    public void Each_status_is_said_in_plain_words(int status, string expected)
    {
        var problem = new ApiProblem(status, "Conflict", "The listing is not open for applications.", "listing_not_open", new Dictionary<string, string[]>());

        Assert.Equal(expected, problem.Describe());
    }

    /// <summary>The client's retry of a slow first attempt finds it still running: that is not a failure to report.</summary>
    [Fact]
    public void A_repeat_of_a_request_still_running_says_so_instead_of_showing_an_error()
    {
        var problem = new ApiProblem(409, "Conflict", "The first request with this Idempotency-Key is still running; retry shortly.",
            "idempotency_request_in_progress", new Dictionary<string, string[]>());

        Assert.Equal("This is still being processed: the platform is taking longer than usual. Reload the page in a moment to see whether it went through.",
            problem.Describe());
    }

    [Fact]
    public async Task A_problem_document_is_read_with_its_code_and_field_errors()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Conflict)
        {
            Content = new StringContent("""{"title":"Conflict","status":409,"detail":"All openings are taken.","code":"listing_full","errors":{"openings":"none left"}}""",
                Encoding.UTF8, "application/problem+json"),
        };

        var problem = await ApiProblem.ReadAsync(response, CancellationToken.None);

        Assert.Equal((409, "listing_full", "All openings are taken."), (problem.Status, problem.Code, problem.Detail));
        Assert.Equal(["none left"], problem.For("openings"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_still_gives_the_status()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>", Encoding.UTF8, "text/html") };

        var problem = await ApiProblem.ReadAsync(response, CancellationToken.None);

        Assert.Equal(502, problem.Status);
        Assert.Equal("The platform is having trouble right now. Try again in a moment.", problem.Describe());
    }
}
