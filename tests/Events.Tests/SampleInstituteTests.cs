using MicroInternships.Contracts.Events;
using MicroInternships.Events.SampleData;
using MicroInternships.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace MicroInternships.Events.Tests;

/// <summary>The development sample data is announced like anything the routes create, so other services learn it.</summary>
[Collection(EventsCollection.Name)]
public sealed class SampleInstituteTests
{
    [Fact]
    public async Task TheSampleInstitutes_AreAnnounced_EachChangeWithItsVersion()
    {
        await using var factory = new EventsWithSampleData();
        await ((IAsyncLifetime)factory).InitializeAsync();
        using var client = factory.CreateClient();
        var next = WinterInstitute.NextEditionYear(DateTimeOffset.UtcNow);
        var sessions = WinterInstitute.Sessions(next).Count();

        await Eventually.HoldsAsync(
            async () => await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '{typeof(EventCreated).FullName},%'") == 2,
            "both editions announced");
        var nextId = await factory.Database.ScalarAsync<Guid>("SELECT id FROM events ORDER BY starts_at DESC LIMIT 1");
        string[] versions = ["1", .. Enumerable.Range(2, sessions).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(versions, await factory.Database.OutboxSequenceAsync("event", "eventId", nextId));
        Assert.Equal(await factory.Database.ScalarAsync<long>("SELECT count(*) FROM slots"),
            await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '{typeof(SlotOffered).FullName},%'"));
    }

    private sealed class EventsWithSampleData() : ServiceFactory<Program>(ResourceNames.EventsDb)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SampleData:Enabled", "true");
        }
    }
}
