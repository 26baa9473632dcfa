using MicroInternships.ServiceDefaults.Calendar;
using MicroInternships.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MicroInternships.Web.Tests;

/// <summary>A component rendered for someone signed in with a role, against a gateway that answers as the API does.</summary>
public abstract class SignedInComponentTest : BunitContext
{
    protected SignedInComponentTest(string role)
    {
        Services.AddSingleton(Gateway.ClientFor(FakeGateway.SignedIn(role)));
        Services.AddSingleton(Unread);
        Services.AddSingleton(new SiteClock(new ProgramCalendar(Options.Create(new ProgramCalendarOptions()), TimeProvider.System), TimeProvider.System));
    }

    protected FakeGateway Gateway { get; } = new();

    /// <summary>The unread count the header's bell shows, shared with the pages as in one circuit.</summary>
    protected UnreadNotifications Unread { get; } = new();
}
