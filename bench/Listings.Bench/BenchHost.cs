using MicroInternships.Testing;
using Microsoft.AspNetCore.Hosting;

namespace MicroInternships.Listings.Bench;

/// <summary>The real Listings service in process, on its own throwaway database, quiet except for warnings.</summary>
internal sealed class BenchHost : ServiceFactory<Program>
{
    private readonly bool _keepDatabase;

    /// <param name="keepDatabase">Leave the seeded database behind (its name is printed), to study plans with EXPLAIN.</param>
    public BenchHost(bool keepDatabase)
        : base(Hosting.ResourceNames.ListingsDb)
    {
        _keepDatabase = keepDatabase;
        // The factory finds a service's content root through a test project's manifest; a console app names it itself.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "services", "Listings")))
        {
            directory = directory.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MICROINTERNSHIPS_LISTINGS",
            Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Run the benchmark from the repository."), "services", "Listings"));
    }

    public HttpClient CreateSignedInClient() => CreateClientAs("bench-student", "student");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Listings:Deadlines:SweepInterval", "01:00:00");
    }

    /// <remarks>
    /// Not through <c>IAsyncLifetime.DisposeAsync</c>, which calls this override back: the host first, then the
    /// database unless it is kept.
    /// </remarks>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_keepDatabase)
        {
            Console.WriteLine($"Kept database {Database.Name}");
            return;
        }

        await Database.DisposeAsync();
    }
}
