using System.Net;
using CsvHelper;
using Ical.Net;
using MicroInternships.Events.SampleData;

namespace MicroInternships.Events.Tests;

[Collection(EventsCollection.Name)]
public sealed class ExportTests(EventsFactory factory)
{
    private readonly EventsScenario _scenario = new(factory);

    [Fact]
    public async Task TheCalendar_ParsesBack_WithEachSessionInTheEventsTimeZone_ForAnyone()
    {
        var created = await _scenario.CreateEventAsync();
        var id = created.GetProperty("id").GetGuid();
        var starts = created.GetProperty("startsAt").GetDateTimeOffset();
        await _scenario.AddSessionAsync(id, "presentation", starts, TimeSpan.FromMinutes(90));
        await _scenario.AddSessionAsync(id, "one_on_one", starts.AddHours(5), TimeSpan.FromHours(2));

        using var response = await _scenario.Anonymous.GetAsync($"/api/events/{id}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;

        Assert.Single(calendar.TimeZones, z => z.TzId == "America/Los_Angeles");
        Assert.Equal(2, calendar.Events.Count);
        var first = calendar.Events.OrderBy(e => e.Start!.AsUtc).First();
        Assert.Equal("America/Los_Angeles", first.Start!.TzId);
        Assert.Equal(starts.UtcDateTime, first.Start.AsUtc);
        Assert.Equal(TimeZoneInfo.ConvertTime(starts, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).Hour, first.Start.Hour);
        Assert.Contains("College of Business Administration", first.Location);
    }

    [Fact]
    public async Task TheCalendarOfAnEventWithoutSessions_HoldsTheEventItself()
    {
        var created = await _scenario.CreateEventAsync();
        var id = created.GetProperty("id").GetGuid();

        using var response = await _scenario.Anonymous.GetAsync($"/api/events/{id}/calendar.ics");
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;

        var only = Assert.Single(calendar.Events);
        Assert.Equal(created.GetProperty("title").GetString(), only.Summary);
        Assert.Equal(created.GetProperty("startsAt").GetDateTimeOffset().UtcDateTime, only.Start!.AsUtc);
        Assert.Equal(created.GetProperty("endsAt").GetDateTimeOffset().UtcDateTime, only.End!.AsUtc);
        Assert.Equal("America/Los_Angeles", only.Start.TzId);
    }

    [Fact]
    public async Task TheRegistrantsCsv_QuotesAwkwardNames_AndDefusesFormulas()
    {
        var id = (await _scenario.CreateEventAsync()).GetProperty("id").GetGuid();
        string[] names = ["Zoë \"Z\" O'Brien, Jr.", "=HYPERLINK(\"http://evil\")", "-5+3", "Ana\nMaría"];
        for (var n = 0; n < names.Length; n++)
        {
            await _scenario.RegisterAsync(factory.CreateClientAs($"s-csv-{n}-{Guid.NewGuid():N}", "student", name: names[n]), id);
        }

        using var response = await _scenario.Coordinator.GetAsync($"/api/events/{id}/registrations.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("@example", text);

        using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = true, AllowLineBreaksInQuotes = true });
        var read = new List<string>();
        while (csv.Read())
        {
            read.Add(csv["attendeeName"].ToString());
        }

        Assert.Equal(["Zoë \"Z\" O'Brien, Jr.", "'=HYPERLINK(\"http://evil\")", "'-5+3", "Ana\nMaría"], read);
        using var asStudent = await _scenario.Student().GetAsync($"/api/events/{id}/registrations.csv");
        Assert.Equal(HttpStatusCode.Forbidden, asStudent.StatusCode);
    }

    [Fact]
    public void TheSampleEditions_FollowTheProgramsCalendar()
    {
        var november = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(2027, WinterInstitute.NextEditionYear(november));
        Assert.Equal(2028, WinterInstitute.NextEditionYear(new DateTimeOffset(2026, 12, 23, 8, 0, 0, TimeSpan.Zero)));

        var next = WinterInstitute.Edition(2027, november);
        Assert.Equal(new DateTimeOffset(2026, 12, 9, 7, 59, 59, TimeSpan.Zero), next.EarlyBirdDeadline);
        Assert.Equal(new DateTimeOffset(2026, 12, 23, 7, 59, 59, TimeSpan.Zero), next.RegistrationClosesAt);
        Assert.Equal(new DateTimeOffset(2027, 1, 17, 16, 30, 0, TimeSpan.Zero), next.StartsAt);
        Assert.True(next.RegistrationOpensAt <= november && november <= next.RegistrationClosesAt);

        var history = WinterInstitute.Edition(2024, november);
        Assert.Equal(new DateTimeOffset(2023, 12, 23, 7, 59, 59, TimeSpan.Zero), history.RegistrationClosesAt);
        Assert.All(WinterInstitute.Sessions(2027), s => Assert.True(s.StartsAt >= next.StartsAt && s.EndsAt <= next.EndsAt));
    }
}
