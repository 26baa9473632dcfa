using MicroInternships.Hosting;
using MicroInternships.Notifications.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Notifications.Tests;

/// <summary>
/// One Notifications host for the test assembly, whose clock a test may stop; reminders are swept when a test says
/// so (<see cref="SweepRemindersAsync"/>), not by the job's timer.
/// </summary>
public sealed class NotificationsFactory() : ServiceFactory<Program>(ResourceNames.NotificationsDb)
{
    public StoppableClock Clock { get; } = new();

    public async Task<int> SweepRemindersAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderSweeper>().SweepAsync(CancellationToken.None);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:ReminderInterval", "01:00:00");
        builder.UseSetting("Notifications:HeartbeatInterval", "00:00:01");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFactory>
{
    public const string Name = "Notifications service";
}

[Collection(NotificationsCollection.Name)]
public sealed class NotificationsFoundationTests(NotificationsFactory factory) : ServiceFoundationTests<Program>(factory);
