using MicroInternships.Hosting;
using MicroInternships.Placements.Credentials;
using MicroInternships.Testing;
using Microsoft.AspNetCore.Hosting;

namespace MicroInternships.Placements.Tests;

/// <summary>
/// One Placements host for the whole test assembly: its consumers own the service's queues on the test broker, so
/// a second host would compete for the messages a test publishes.
/// </summary>
public sealed class PlacementsFactory() : ServiceFactory<Program>(ResourceNames.PlacementsDb)
{
    /// <summary>The development credential key this host makes on start, in a folder of its own.</summary>
    public string CredentialKeyFile { get; } = Path.Combine(Path.GetTempPath(), $"placements-tests-{Guid.NewGuid():N}", "credential-signing-key.pem");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{CredentialOptions.SectionName}:DevelopmentKeyFile", CredentialKeyFile);
    }
}

[CollectionDefinition(Name)]
public sealed class PlacementsCollection : ICollectionFixture<PlacementsFactory>
{
    public const string Name = "Placements service";
}
