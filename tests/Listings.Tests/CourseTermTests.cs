using System.Net;
using System.Net.Http.Json;
using MicroInternships.Listings.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Listings.Tests;

/// <summary>A course names one of the program's terms (<c>Program:Terms</c>) and a department, which the program's figures count it by.</summary>
[Collection(ListingsCollection.Name)]
public sealed class CourseTermTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Fact]
    public async Task ATermThatIsNotTheProgramsOrNoDepartment_Is400_AndATermIsSpelledAsTheProgramSpellsIt()
    {
        var faculty = _scenario.Faculty();
        using var unknown = await faculty.PostAsJsonAsync("/api/courses", Body("Autumn 2026", "Marketing"));
        var problem = await unknown.ReadAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Fall 2026", problem.GetProperty("errors").GetProperty("term").GetRawText(), StringComparison.Ordinal);
        using var noDepartment = await faculty.PostAsJsonAsync("/api/courses", Body("Fall 2026", null));
        await noDepartment.ValidationAsync("department");

        using var created = await faculty.PostAsJsonAsync("/api/courses", Body("  fall 2026 ", "Marketing"));
        var course = await created.ReadAsync(HttpStatusCode.Created);
        Assert.Equal("Fall 2026", course.GetProperty("term").GetString());
        Assert.Equal("Marketing", course.GetProperty("department").GetString());
        var id = course.GetProperty("id").GetGuid();
        Assert.Equal("Marketing", await factory.Database.ScalarAsync<string>(
            $"SELECT payload->'course'->>'department' FROM outbox_messages WHERE payload->'course'->>'courseId' = '{id}'"));
    }

    [Fact]
    public async Task ACourseWithAnOldFreeTextTerm_MovesToTheTermItWasRegisteredIn_WithAnEvent_AndKeepsUnassigned()
    {
        var faculty = _scenario.Faculty();
        using var created = await faculty.PostAsJsonAsync("/api/courses", Body("Fall 2026", "Marketing"));
        var id = (await created.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await factory.Database.ScalarAsync<int>(
            $"UPDATE courses SET term = 'Q2 2027 (old)', department = 'unassigned', created_at = '2027-05-10T18:00:00Z' WHERE id = '{id}' RETURNING 1");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moved = await ActivatorUtilities.CreateInstance<CourseTermAlignment>(scope.ServiceProvider).AlignAsync(CancellationToken.None);
            Assert.True(moved >= 1);
        }

        Assert.Equal("Spring 2027", await factory.Database.ScalarAsync<string>($"SELECT term FROM courses WHERE id = '{id}'"));
        Assert.Equal(["2"], await factory.Database.OutboxVersionsAsync<Contracts.Listings.CourseUpdated>("course", "courseId", id));
        Assert.Equal("unassigned", await factory.Database.ScalarAsync<string>(
            $"SELECT payload->'course'->>'department' FROM outbox_messages WHERE payload->'course'->>'courseId' = '{id}' AND payload->'course'->>'version' = '2'"));
    }

    private static object Body(string term, string? department) =>
        new { code = "TRM 101", title = "Terms course", term, department, disciplines = new[] { "Marketing" }, skills = new[] { "Excel" }, enrollment = 10 };
}
