using System.Net;
using System.Text.Json;
using MicroInternships.Web.Components.Pages.Events;

namespace MicroInternships.Web.Tests;

/// <summary>The coordinator's registrations section on an event page.</summary>
public sealed class RegistrationsSectionTests() : SignedInComponentTest("coordinator")
{
    private const string NoRegistrations = """{"items":[],"nextCursor":null}""";

    /// <summary>
    /// Whole numbers are bound as they are typed, like text: the capacity is the form's only field, so the button
    /// (or Enter) comes straight after typing, before a change event would have carried the number to the server.
    /// </summary>
    [Fact]
    public void A_capacity_typed_just_before_saving_is_the_capacity_sent()
    {
        var winterInstitute = SampleEvents.WinterInstitute();
        Gateway.Answer(HttpStatusCode.OK, NoRegistrations)
            .Answer(HttpStatusCode.OK, KiotaJson.Of(winterInstitute.With(happening => (happening.Capacity, happening.SeatsLeft, happening.Version) = (80, 68, 4))))
            .Answer(HttpStatusCode.OK, NoRegistrations);
        var section = Render<RegistrationsSection>(parameters => parameters.Add(p => p.Event, winterInstitute));

        section.WaitForElement("#event-capacity").Input("80");
        section.Find("form[aria-label='Event capacity']").Submit();

        section.WaitForAssertion(() => Assert.Contains("Capacity saved: 80 seats", section.Markup));
        var (request, body) = Gateway.Received[1];
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal(80, JsonDocument.Parse(body!).RootElement.GetProperty("capacity").GetInt32());
    }
}
