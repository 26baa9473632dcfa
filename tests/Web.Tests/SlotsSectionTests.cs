using System.Net;
using MicroInternships.Clients.Events.Models;
using MicroInternships.Web.Components.Pages.Events;

namespace MicroInternships.Web.Tests;

/// <summary>The one-on-one slots on an event page, as a student sees them.</summary>
public sealed class SlotsSectionTests() : SignedInComponentTest("student")
{
    private const string NoSlots = """{"items":[],"nextCursor":null}""";

    /// <summary>Cancelling a registration frees its bookings on the server; the list must not keep showing them as the student's.</summary>
    [Fact]
    public void The_slots_are_read_again_when_the_students_registration_is_cancelled()
    {
        Gateway.Answer(HttpStatusCode.OK, NoSlots).Answer(HttpStatusCode.OK, NoSlots);
        var winterInstitute = SampleEvents.WinterInstitute();
        var confirmed = new RegistrationDto
        {
            Id = Guid.Parse("0193b6a0-0000-7000-8000-0000000000f1"),
            EventId = winterInstitute.Id,
            AttendeeId = "student-1",
            AttendeeName = "A student",
            Audience = Audience.Student,
            Status = RegistrationStatus.Confirmed,
            Tier = Tier.Early_bird,
            FeeCents = 0,
            CreatedAt = DateTimeOffset.UtcNow,
            Version = 1,
        };
        var section = Render<SlotsSection>(parameters => parameters
            .Add(p => p.Event, winterInstitute).Add(p => p.Mine, confirmed).Add(p => p.Role, "student").Add(p => p.UserId, "student-1"));
        section.WaitForAssertion(() => Assert.Single(Gateway.Received));

        section.Render(parameters => parameters.Add(p => p.Mine, confirmed.With(registration => (registration.Status, registration.Version) = (RegistrationStatus.Cancelled, 2))));

        section.WaitForAssertion(() => Assert.Equal(2, Gateway.Received.Count));
        Assert.All(Gateway.Received, received => Assert.StartsWith($"/api/events/{winterInstitute.Id}/slots", received.Request.RequestUri!.PathAndQuery));
    }
}
