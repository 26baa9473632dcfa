using MicroInternships.Web.Api;
using MicroInternships.Web.Components.Shared;

namespace MicroInternships.Web.Tests;

public sealed class ProblemAlertTests : BunitContext
{
    private static readonly ApiProblem _problem = new(400, "Invalid", "The listing has errors.", "validation_failed", new Dictionary<string, string[]>
    {
        ["title"] = ["title must be 3 to 120 characters."],
        ["openings"] = ["openings must be 1 to 50."],
    });

    [Fact]
    public void The_alert_lists_only_the_messages_no_field_shows()
    {
        var alert = Render<ProblemAlert>(parameters => parameters.Add(p => p.Problem, _problem).Add(p => p.ShownFields, ["title"]));

        Assert.Equal("alert", alert.Find(".problem").GetAttribute("role"));
        Assert.Contains("The listing has errors.", alert.Markup);
        Assert.Contains("openings must be 1 to 50.", alert.Markup);
        Assert.DoesNotContain("title must be", alert.Markup);
    }

    [Fact]
    public void A_field_error_is_rendered_with_the_id_its_input_points_to()
    {
        var error = Render<FieldError>(parameters => parameters.Add(p => p.Problem, _problem).Add(p => p.Field, "title").Add(p => p.Id, "title-error"));

        Assert.Equal("title must be 3 to 120 characters.", error.Find("#title-error").TextContent);
    }

    [Fact]
    public void Nothing_is_rendered_without_a_problem() =>
        Assert.Empty(Render<ProblemAlert>().Markup.Trim());
}
