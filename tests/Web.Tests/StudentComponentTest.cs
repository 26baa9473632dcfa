using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MicroInternships.Web.Tests;

/// <summary>A component rendered for a signed-in student, against a gateway that answers as the API does.</summary>
public abstract class StudentComponentTest : BunitContext
{
    protected StudentComponentTest()
    {
        Services.AddSingleton(Gateway.ClientFor(FakeGateway.SignedIn("student")));
        Services.AddSingleton(new SiteClock(Options.Create(new SiteOptions()), TimeProvider.System));
    }

    protected FakeGateway Gateway { get; } = new();
}
