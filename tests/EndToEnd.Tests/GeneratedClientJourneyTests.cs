using MicroInternships.Clients;
using MicroInternships.Clients.Listings.Models;
using MicroInternships.Clients.Placements.Models;
using Microsoft.Kiota.Abstractions;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>
/// The main journey again, written only with the clients Kiota generates from api/ (clients/dotnet): what a web or
/// mobile developer writes. If a document and its service disagree on a route, a field or an enum value, this fails.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class GeneratedClientJourneyTests(SystemFixture system)
{
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task APartnerPosts_AStudentIsPlacedAndPaid_ThroughTheGeneratedClients()
    {
        var coordinator = await ClientsAsync(new { sub = "c-kiota", role = "coordinator", name = "Casey" });
        var organization = await coordinator.Listings.Api.Organizations.PostAsync(new OrganizationRequest { Name = "Generated Client Co", Website = "https://generated.example" });
        var partner = await ClientsAsync(new { sub = "p-kiota", role = "partner", name = "Pat", org = organization!.Id.ToString() });
        var student = await ClientsAsync(new { sub = "s-kiota", role = "student", name = "Kit Student" });

        var listing = await partner.Listings.Api.Listings.PostAsync(new ListingRequest
        {
            Title = "Survey analysis with generated clients",
            Summary = "Twenty hours of survey analysis.",
            Description = "Clean the responses, find the themes, present three recommendations.",
            Skills = ["survey analysis"],
            Discipline = "Marketing",
            EstimatedHours = 20,
            Compensation = new Compensation { AmountCents = 40_000, Currency = "USD" },
            Openings = 1,
            ApplicationDeadline = DateTimeOffset.UtcNow.AddDays(10),
            WorkMode = WorkMode.Remote,
        });
        var published = await partner.Listings.Api.Listings[listing!.Id!.Value].Publish.PostAsync();
        Assert.Equal(ListingStatus.Open, published!.Status);

        var application = await GatewayCalls.EventuallyAsync(async () =>
        {
            try
            {
                return await student.Placements.Api.Applications.PostAsync(new ApplyRequest { ListingId = listing.Id, Pitch = "I analyse surveys." });
            }
            catch (MicroInternships.Clients.Placements.Models.ApiProblem problem) when (problem.Code == "listing_not_open")
            {
                return null;
            }
        });
        await partner.Placements.Api.Applications[application.Id!.Value].Offer.PostAsync();
        var placement = await student.Placements.Api.Applications[application.Id.Value].Accept.PostAsync();

        await student.Placements.Api.Placements[placement!.Id!.Value].TimeEntries.PostAsync(
            new TimeEntryRequest { Date = new Date(ProgramDay.Today.ToDateTime(TimeOnly.MinValue)), Hours = 4, Note = "Cleaning responses" });
        await student.Placements.Api.Placements[placement.Id.Value].Submit.PostAsync(new SubmitWorkRequest { Note = "Themes and recommendations attached", DeliverableUrl = "https://generated.example/findings" });
        var refused = await Assert.ThrowsAsync<MicroInternships.Clients.Placements.Models.ApiProblem>(() =>
            student.Placements.Api.Placements[placement.Id.Value].Approve.PostAsync(new ApprovalRequest { Rating = 5, Feedback = "Self-approved" }));
        var completed = await partner.Placements.Api.Placements[placement.Id.Value].Approve.PostAsync(new ApprovalRequest { Rating = 5, Feedback = "Clear themes" });

        Assert.Equal((403, "not_placement_partner"), (refused.ResponseStatusCode, refused.Code));
        Assert.Equal(PlacementStatus.Completed, completed!.Status);
        var paid = await GatewayCalls.EventuallyAsync(async () =>
        {
            var payouts = await student.Payments.Api.Payouts.GetAsync();
            return payouts!.Items!.SingleOrDefault(p => p.Status == MicroInternships.Clients.Payments.Models.PayoutStatus.Paid);
        });
        Assert.Equal(placement.Id, paid.PlacementId);
    }

    private async Task<GatewayClients> ClientsAsync(object claims)
    {
        var token = await _calls.TokenAsync(claims);
        return new GatewayClients(system.CreateGatewayClient(), _ => Task.FromResult(token));
    }
}
