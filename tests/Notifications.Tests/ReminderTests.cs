using MicroInternships.Contracts.Events;
using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Notifications.Tests;

/// <summary>
/// Reminders are planned from the events' times, cancelled when the state moves on, sent once however many sweep at
/// once, and never sent for what was already past when they were planned (a replay of the history, say).
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class ReminderTests(NotificationsFactory factory) : IDisposable
{
    private readonly Guid _organization = Guid.NewGuid();
    private readonly Guid _listing = Guid.NewGuid();
    private readonly string _student = $"s-{Guid.NewGuid():N}";

    [Fact]
    public async Task AnOffer_IsRemindedOf48HoursBeforeItExpires_OnceThoughTwoSweepsRunAtOnce()
    {
        var expiresAt = DateTimeOffset.UtcNow.AddDays(7);
        var application = await OfferAsync(expiresAt);

        factory.Clock.PinAt(expiresAt.AddHours(-48).AddMinutes(-1));
        await SweepTwiceAtOnceAsync();
        Assert.Equal(["offer_received"], await CategoriesAsync());

        factory.Clock.PinAt(expiresAt.AddHours(-48).AddMinutes(1));
        var sent = await SweepTwiceAtOnceAsync();

        Assert.Equal(1, sent);
        Assert.Equal(["offer_expiring", "offer_received"], await CategoriesAsync());
        Assert.Equal("sent", await StatusAsync($"offer_expiring:{application}"));
    }

    [Fact]
    public async Task AnAnsweredOffer_IsNotReminded_InWhicheverOrderItsEventsArrive()
    {
        var expiresAt = DateTimeOffset.UtcNow.AddDays(7);
        var (answered, late) = (Guid.NewGuid(), Guid.NewGuid());
        await OfferAsync(expiresAt, answered);
        await factory.PublishAndWaitAsync(new ApplicationAccepted(Snapshots.Application(answered, _listing, _organization, _student, "accepted", 3), DateTimeOffset.UtcNow), consumers: 2);
        // The answer overtakes the offer: the older plan changes nothing.
        await factory.PublishAndWaitAsync(new ApplicationDeclined(Snapshots.Application(late, _listing, _organization, _student, "declined", 3), DateTimeOffset.UtcNow), consumers: 2);
        await OfferAsync(expiresAt, late);

        factory.Clock.PinAt(expiresAt.AddHours(-1));
        await factory.SweepRemindersAsync();

        Assert.DoesNotContain("offer_expiring", await CategoriesAsync());
        Assert.Equal("cancelled", await StatusAsync($"offer_expiring:{answered}"));
        Assert.Equal("cancelled", await StatusAsync($"offer_expiring:{late}"));
    }

    [Fact]
    public async Task AReplayedHistory_KeepsTheRemindersStillAhead_AndSkipsThoseAlreadyPast()
    {
        await ListingAsync();
        var (ahead, past) = (Guid.NewGuid(), Guid.NewGuid());
        var aheadExpires = DateTimeOffset.UtcNow.AddDays(5);
        await factory.PublishAndWaitAsync(
            new ApplicationOffered(Snapshots.Application(ahead, _listing, _organization, _student, "offered", 2, aheadExpires), DateTimeOffset.UtcNow), consumers: 1, replayed: true);
        await factory.PublishAndWaitAsync(
            new ApplicationOffered(Snapshots.Application(past, _listing, _organization, _student, "offered", 2, DateTimeOffset.UtcNow.AddHours(20)), DateTimeOffset.UtcNow), consumers: 1, replayed: true);

        Assert.Equal("pending", await StatusAsync($"offer_expiring:{ahead}"));
        Assert.Equal("skipped", await StatusAsync($"offer_expiring:{past}"));
        factory.Clock.PinAt(aheadExpires.AddHours(-47));
        await factory.SweepRemindersAsync();
        Assert.Equal(["offer_expiring"], await CategoriesAsync());
    }

    [Fact]
    public async Task SubmittedWork_IsRemindedOf3DaysBeforeItsAutomaticApproval_AgainAfterAResubmission_NotOnceReviewed()
    {
        await ListingAsync();
        var placement = Snapshots.Placement(Guid.NewGuid(), _listing, _organization, _student);
        var approvesAt = DateTimeOffset.UtcNow.AddDays(14);
        await factory.PublishAndWaitAsync(new PlacementSubmitted(placement with { Version = 2 }, approvesAt, DateTimeOffset.UtcNow), consumers: 2);
        await factory.PublishAndWaitAsync(new PlacementRevisionRequested(placement with { Version = 3 }, 1, DateTimeOffset.UtcNow), consumers: 2);
        factory.Clock.PinAt(approvesAt.AddDays(-2));
        await factory.SweepRemindersAsync();
        Assert.Equal("cancelled", await StatusAsync($"approval_due:{placement.PlacementId}"));

        factory.Clock.Release();
        var resubmittedApprovesAt = DateTimeOffset.UtcNow.AddDays(14);
        await factory.PublishAndWaitAsync(new PlacementSubmitted(placement with { Version = 4 }, resubmittedApprovesAt, DateTimeOffset.UtcNow), consumers: 2);
        factory.Clock.PinAt(resubmittedApprovesAt.AddDays(-3).AddMinutes(1));
        await factory.SweepRemindersAsync();
        await factory.PublishAndWaitAsync(new PlacementCompleted(placement with { Version = 5 }, AutoApproved: false, DateTimeOffset.UtcNow), consumers: 2);

        using var partner = factory.CreateClientAs($"p-{Guid.NewGuid():N}", "partner", _organization.ToString());
        Assert.Single(await partner.ItemsAsync(), n => n.GetProperty("category").GetString() == "approval_due");
        Assert.Equal("sent", await StatusAsync($"approval_due:{placement.PlacementId}"));
    }

    [Fact]
    public async Task TheInstitute_IsRemindedOfTheDayBefore_MovingWithTheEvent_NotForACancelledRegistration()
    {
        var (institute, kept, cancelled) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var startsAt = DateTimeOffset.UtcNow.AddDays(40);
        await factory.PublishAndWaitAsync(new EventCreated(Snapshots.Institute(institute, startsAt), DateTimeOffset.UtcNow), consumers: 1);
        await factory.PublishAndWaitAsync(new RegistrationConfirmed(Snapshots.Registration(kept, institute, _student, "confirmed"), DateTimeOffset.UtcNow), consumers: 2);
        await factory.PublishAndWaitAsync(new RegistrationConfirmed(Snapshots.Registration(cancelled, institute, _student, "confirmed"), DateTimeOffset.UtcNow), consumers: 2);
        await factory.PublishAndWaitAsync(new RegistrationCancelled(Snapshots.Registration(cancelled, institute, _student, "cancelled", 2), DateTimeOffset.UtcNow), consumers: 1);
        var movedTo = startsAt.AddDays(7);
        await factory.PublishAndWaitAsync(new EventUpdated(Snapshots.Institute(institute, movedTo, 2, "Winter Institute 2027"), DateTimeOffset.UtcNow), consumers: 1);

        factory.Clock.PinAt(startsAt.AddDays(-1).AddMinutes(1));
        await factory.SweepRemindersAsync();
        Assert.DoesNotContain("institute_tomorrow", await CategoriesAsync());

        factory.Clock.PinAt(movedTo.AddDays(-1).AddMinutes(1));
        await factory.SweepRemindersAsync();
        var reminder = Assert.Single(await Student().ItemsAsync(), n => n.GetProperty("category").GetString() == "institute_tomorrow");
        Assert.Equal("Tomorrow: Winter Institute 2027", reminder.GetProperty("title").GetString());
        Assert.Equal("cancelled", await StatusAsync($"institute_tomorrow:{cancelled}"));
    }

    public void Dispose() => factory.Clock.Release();

    private Task ListingAsync() =>
        factory.PublishAndWaitAsync(new ListingPublished(Snapshots.Listing(_listing, _organization, "Map"), DateTimeOffset.UtcNow), consumers: 1);

    private async Task<Guid> OfferAsync(DateTimeOffset expiresAt, Guid? application = null)
    {
        await ListingAsync();
        var id = application ?? Guid.NewGuid();
        await factory.PublishAndWaitAsync(
            new ApplicationOffered(Snapshots.Application(id, _listing, _organization, _student, "offered", 2, expiresAt), DateTimeOffset.UtcNow), consumers: 2);
        return id;
    }

    /// <summary>Two replicas' sweeps at the same moment: between them they send each due reminder once.</summary>
    private async Task<int> SweepTwiceAtOnceAsync()
    {
        var sweeps = await Task.WhenAll(factory.SweepRemindersAsync(), factory.SweepRemindersAsync());
        return sweeps.Sum();
    }

    private Task<string?> StatusAsync(string key) =>
        factory.Database.ScalarAsync<string?>($"SELECT status FROM reminders WHERE key = '{key}'");

    private HttpClient Student() => factory.CreateClientAs(_student, "student");

    private async Task<List<string>> CategoriesAsync()
    {
        using var student = Student();
        return await student.CategoriesAsync();
    }
}
