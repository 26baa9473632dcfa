using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.SampleData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Listings.SampleData;

/// <summary>
/// Fills an empty database with <see cref="SampleListings"/> when <c>SampleData:Enabled</c> (Development only).
/// Listings are published through the outbox like any other, so the other services learn about them.
/// </summary>
public sealed partial class SampleDataSeeder(
    IServiceScopeFactory scopes, IHostEnvironment environment, IOptions<SampleDataOptions> options, TimeProvider clock, ILogger<SampleDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !environment.IsDevelopment())
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ListingsDbContext>();
        if (await db.SeedOnceAsync(ct => db.Organizations.AnyAsync(ct), () => AddSampleProgram(db), cancellationToken))
        {
            LogSeeded(SampleListings.Organizations.Count);
        }
    }

    private void AddSampleProgram(ListingsDbContext db)
    {
        var now = clock.GetUtcNow();
        var term = $"Winter {(now.Month >= 7 ? now.Year + 1 : now.Year)}";
        var organizations = SampleListings.Organizations.Select(o => new Organization(o.Id, o.Name, o.Website, o.Description, now)).ToDictionary(o => o.Id);
        db.Organizations.AddRange(organizations.Values);
        var courses = SampleListings.Courses
            .Select(c => Course.Create(c.FacultyId, c.FacultyName, c.Code, c.Title, term, c.Department, c.Disciplines, c.Skills, c.Enrollment, now))
            .ToList();
        db.Courses.AddRange(courses);
        foreach (var organization in organizations.Values)
        {
            db.AddIntegrationEvent(new OrganizationCreated(organization.ToSnapshot(), now));
        }

        foreach (var course in courses)
        {
            db.AddIntegrationEvent(new CourseCreated(course.ToSnapshot(), now));
        }

        foreach (var (organizationId, terms) in SampleListings.Listings(now))
        {
            var listing = Listing.Draft(organizationId, terms, fundId: null, now);
            db.Listings.Add(listing);
            listing.Publish(now);
            db.Entry(listing).Reference(l => l.Organization).CurrentValue = organizations[organizationId];
            db.AddIntegrationEvent(new ListingPublished(listing.ToSnapshot(), now));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Loaded the development sample data: {Organizations} partner organizations with their listings, and courses")]
    private partial void LogSeeded(int organizations);
}
