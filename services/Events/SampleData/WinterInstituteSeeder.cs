using MicroInternships.Contracts.Events;
using MicroInternships.Events.Data;
using MicroInternships.Events.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.SampleData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Events.SampleData;

/// <summary>
/// Fills an empty database with two Winter Institutes when <c>SampleData:Enabled</c> (Development only): the 2024
/// edition, closed, as history, and the coming one, open for registration, with partners' one-on-one slots. Each is
/// announced as the routes would have announced it, so other services learn the sample program like any other.
/// </summary>
public sealed partial class WinterInstituteSeeder(
    IServiceScopeFactory scopes, IHostEnvironment environment, IOptions<SampleDataOptions> options, TimeProvider clock, ILogger<WinterInstituteSeeder> logger)
    : IHostedService
{
    private const int HistoricEdition = 2024;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !environment.IsDevelopment())
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var next = WinterInstitute.NextEditionYear(clock.GetUtcNow());
        if (await db.SeedOnceAsync(ct => db.Events.AnyAsync(ct), () => AddEditions(db, next), cancellationToken))
        {
            LogSeeded(HistoricEdition, next);
        }
    }

    private void AddEditions(EventsDbContext db, int next)
    {
        var now = clock.GetUtcNow();
        foreach (var year in new[] { HistoricEdition, next })
        {
            var edition = Event.Create(WinterInstitute.Edition(year, now), now);
            db.AddIntegrationEvent(new EventCreated(edition.ToSnapshot(), now));
            foreach (var (title, kind, startsAt, endsAt, room, presenters, capacity) in WinterInstitute.Sessions(year))
            {
                edition.AddSession(title, kind, startsAt, endsAt, room, presenters, capacity);
                db.AddIntegrationEvent(new EventUpdated(edition.ToSnapshot(), now));
            }

            db.Events.Add(edition);
            if (year == next)
            {
                foreach (var offered in WinterInstitute.Slots(year))
                {
                    var slot = Slot.Create(edition.Id, offered.PartnerId, offered.PartnerName, offered.OrganizationId, offered.StartsAt, offered.EndsAt, now);
                    db.Slots.Add(slot);
                    db.AddIntegrationEvent(new SlotOffered(slot.ToSnapshot(), now));
                }
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Loaded the development sample data: the Winter Institutes {Historic} (closed) and {Next} (open for registration)")]
    private partial void LogSeeded(int historic, int next);
}
