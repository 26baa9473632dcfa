using MicroInternships.Contracts.Listings;
using MicroInternships.Hosting;
using MicroInternships.Notifications.Email;
using MicroInternships.Notifications.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Notifications.Tests;

/// <summary>
/// One Notifications host for the test assembly, whose clock a test may stop; reminders are swept and digests made when
/// a test says so (<see cref="SweepRemindersAsync"/>, <see cref="MakeDigestsAsync"/>), not by the jobs' timers. Email
/// goes to the tests' smtp4dev through <see cref="MailServer"/>, which a test may cut to play an outage.
/// </summary>
public sealed class NotificationsFactory() : ServiceFactory<Program>(ResourceNames.NotificationsDb)
{
    public const string WebsiteUrl = "https://program.example.edu";

    public StoppableClock Clock { get; } = new();

    public TcpProxy MailServer { get; } = new(new Uri($"smtp://127.0.0.1:{Environment.GetEnvironmentVariable("Smtp__Port") ?? "25025"}"));

    public Smtp4devInbox Inbox { get; } = new(new Uri(TestInfrastructure.Smtp4dev));

    /// <summary>A listing of <paramref name="organization"/>, published and in the directory.</summary>
    public async Task<Guid> PublishedListingAsync(Guid organization, string title)
    {
        var listing = Guid.NewGuid();
        await PublishAndWaitAsync(new ListingPublished(Snapshots.Listing(listing, organization, title), DateTimeOffset.UtcNow));
        return listing;
    }

    public async Task<int> MakeDigestsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DailyDigest>().MakeDueAsync(CancellationToken.None);
    }

    public async Task<int> SweepRemindersAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderSweeper>().SweepAsync(CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await MailServer.DisposeAsync();
        Inbox.Dispose();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:ReminderInterval", "01:00:00");
        builder.UseSetting("Notifications:HeartbeatInterval", "00:00:01");
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", MailServer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:WebsiteUrl", WebsiteUrl);
        builder.UseSetting("Email:ApiUrl", "https://api.program.example.edu");
        builder.UseSetting("Email:FromName", "Test Micro-Internships");
        builder.UseSetting("Email:PollInterval", "00:00:00.200");
        builder.UseSetting("Email:FirstRetryDelay", "00:00:00.200");
        builder.UseSetting("Email:MaxRetryDelay", "00:00:01");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Digests are made when a test says so: the job's own look, at a moment a test has pinned, would take the day.
            services.Remove(services.Single(service => service.ImplementationType == typeof(DigestJob)));
        });
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFactory>
{
    public const string Name = "Notifications service";
}

[Collection(NotificationsCollection.Name)]
public sealed class NotificationsFoundationTests(NotificationsFactory factory) : ServiceFoundationTests<Program>(factory);
