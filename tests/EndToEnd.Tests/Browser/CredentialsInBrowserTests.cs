using System.Net;
using MicroInternships.EndToEnd.Tests.Credentials;
using Microsoft.Playwright;

namespace MicroInternships.EndToEnd.Tests.Browser;

/// <summary>The website's verify page and a portfolio in Chromium, for a visitor who is not signed in.</summary>
[Collection(SystemCollection.Name)]
public sealed class CredentialsInBrowserTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task An_employer_verifies_a_pasted_link_sees_the_competencies_then_sees_it_revoked_and_reads_the_portfolio()
    {
        var journey = await CredentialJourney.CompletedAsync(_calls, "Alex Rivera", "Store visit scheduling");
        var credential = await journey.CredentialAsync();
        var credentialId = credential.GetProperty("id").GetString()!;
        var slug = $"alex-{Guid.NewGuid():N}"[..20];
        await GatewayCalls.SendAsync(journey.Student, HttpMethod.Put, "/api/portfolio", new { slug, headline = "Operations and scheduling", published = true });

        await using var employer = await SiteVisitor.OpenAsync(browser, system.Website);
        await employer.GoAsync("/verify", "Verify a credential");
        await employer.Page.GetByLabel("Credential or link").FillAsync(credential.GetProperty("url").GetString()!);
        await employer.ClickAsync("Check");
        await employer.ExpectTextAsync("This credential was issued by the program and is in force.");
        await employer.ExpectTextAsync("Alex Rivera");
        await employer.ExpectTextAsync("Found and corrected the bias in our sample.");

        await employer.GoAsync($"/portfolios/{slug}", "Micro-internship portfolio");
        await employer.ExpectTextAsync("Operations and scheduling");
        await employer.Page.GetByRole(AriaRole.Link, new() { Name = "Store visit scheduling" }).ClickAsync();
        await employer.ExpectTextAsync("Not revoked");

        await journey.RevokeAsync(credentialId, "issued_in_error");
        await employer.GoAsync($"/credentials/{credentialId}", "Micro-internship credential");
        await employer.ExpectTextAsync("The program issued this credential and has since revoked it");
        employer.AssertNothingRefusedByThePolicy();
    }
}
