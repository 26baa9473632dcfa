using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Notifications.Tests;

/// <summary>Who is told, once, and who may see it: the student, the organization's partners each with their own read state, nobody else.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class NotificationTests(NotificationsFactory factory)
{
    [Fact]
    public async Task AnOffer_NotifiesItsStudentOnce_NamingTheListing_AndNobodyElseSeesIt()
    {
        var (student, organization) = ($"s-{Guid.NewGuid():N}", Guid.NewGuid());
        var listing = await factory.PublishedListingAsync(organization, "Bike-lane usage map");
        var offered = new ApplicationOffered(Snapshots.ApplicationTo(listing, organization, student, "offered"), DateTimeOffset.UtcNow);
        var messageId = NewId.NextGuid();
        await factory.PublishAsync(offered, messageId);
        await factory.PublishAsync(offered, messageId);
        await Eventually.HoldsAsync(
            async () => await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}'") == 2,
            "the offer was consumed by its notifier and its reminder planner");

        using var owner = factory.CreateClientAs(student, "student");
        var items = await Reading.ItemsAsync(owner, "/api/notifications");
        var notification = Assert.Single(items);
        Assert.Equal("offer_received", notification.GetProperty("category").GetString());
        Assert.Contains("Bike-lane usage map", notification.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(notification.GetProperty("read").GetBoolean());

        var id = notification.GetProperty("id").GetString();
        using var another = factory.CreateClientAs($"s-{Guid.NewGuid():N}", "student");
        using var partner = factory.CreateClientAs($"p-{Guid.NewGuid():N}", "partner", organization.ToString());
        foreach (var stranger in new[] { another, partner })
        {
            using var response = await stranger.GetAsync($"/api/notifications/{id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(await Reading.ItemsAsync(stranger, "/api/notifications"), n => n.GetProperty("id").GetString() == id);
        }
    }

    [Fact]
    public async Task AnApplication_NotifiesTheOrganization_AndEachPartnerReadsForThemselves()
    {
        var organization = Guid.NewGuid();
        var listing = await factory.PublishedListingAsync(organization, "Retail sales dashboard");
        await factory.PublishAndWaitAsync(new ApplicationSubmitted(Snapshots.ApplicationTo(listing, organization, $"s-{Guid.NewGuid():N}", "submitted"), DateTimeOffset.UtcNow));
        using var first = factory.CreateClientAs($"p-{Guid.NewGuid():N}", "partner", organization.ToString());
        using var second = factory.CreateClientAs($"p-{Guid.NewGuid():N}", "partner", organization.ToString());
        using var otherOrganization = factory.CreateClientAs($"p-{Guid.NewGuid():N}", "partner", Guid.NewGuid().ToString());

        var told = Assert.Single(await Reading.ItemsAsync(first, "/api/notifications"));
        Assert.Equal("organization", told.GetProperty("recipientKind").GetString());
        Assert.Equal(organization.ToString(), told.GetProperty("recipient").GetString());
        var id = told.GetProperty("id").GetString();
        using (var read = await first.PostAsync($"/api/notifications/{id}/read", null))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        Assert.Equal(0, await Reading.UnreadAsync(first));
        Assert.Equal(1, await Reading.UnreadAsync(second));
        Assert.Empty(await Reading.ItemsAsync(first, "/api/notifications?unread=true"));
        Assert.Single(await Reading.ItemsAsync(second, "/api/notifications?unread=true"));
        Assert.Empty(await Reading.ItemsAsync(otherOrganization, "/api/notifications"));
        using var refused = await otherOrganization.PostAsync($"/api/notifications/{id}/read", null);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        using (var all = await second.PostAsync("/api/notifications/read-all", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, all.StatusCode);
        }

        Assert.Equal(0, await Reading.UnreadAsync(second));
    }

    [Fact]
    public async Task AReplayedOffer_NotifiesNobody_WhileItsListingStillReachesTheDirectory()
    {
        var (student, organization) = ($"s-{Guid.NewGuid():N}", Guid.NewGuid());
        var listing = Guid.NewGuid();
        await factory.PublishAsync(new ListingPublished(Snapshots.Listing(listing, organization, "Replayed title"), DateTimeOffset.UtcNow), replayed: true);
        await Eventually.HoldsAsync(
            async () => await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM listings WHERE id = '{listing}'") > 0, "the replayed listing reached the directory");
        await factory.PublishAsync(new ApplicationOffered(Snapshots.ApplicationTo(listing, organization, student, "offered"), DateTimeOffset.UtcNow), replayed: true);
        await factory.PublishAndWaitAsync(new ApplicationSubmitted(Snapshots.ApplicationTo(listing, organization, student, "submitted"), DateTimeOffset.UtcNow));

        using var partner = factory.CreateClientAs($"p-{Guid.NewGuid():N}", "partner", organization.ToString());
        Assert.Contains("Replayed title", Assert.Single(await Reading.ItemsAsync(partner, "/api/notifications")).GetProperty("title").GetString(), StringComparison.Ordinal);
        using var owner = factory.CreateClientAs(student, "student");
        Assert.Empty(await Reading.ItemsAsync(owner, "/api/notifications"));
    }

    [Theory]
    [InlineData("/api/notifications?limit=0", "limit")]
    [InlineData("/api/notifications?limit=ten", "limit")]
    [InlineData("/api/notifications?unread=maybe", "unread")]
    [InlineData("/api/notifications?cursor=not-a-cursor", "cursor")]
    public async Task ABadQuery_IsA400NamingItsField(string path, string field)
    {
        using var student = factory.CreateClientAs($"s-{Guid.NewGuid():N}", "student");

        using var response = await student.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path}: {problem}");
    }
}
