using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// Every route with an object id, called by every member of a cast that is not allowed to: another role, another
/// organization's partner, another student, another course's faculty. Each gets 403 or 404 as problem details, never
/// the object, and nothing changes. Bodies that name fields the caller may not set (status, counts, payment) change nothing.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AuthorizationMatrixTests(SystemFixture system, ITestOutputHelper output)
{
    private readonly GatewayCalls _calls = new(system);

    private sealed record Guarded(HttpMethod Method, string Path, object? Body, IReadOnlyCollection<Caller> Allowed);

    [Fact]
    public async Task EveryOtherRoleAndOwner_Gets403Or404_NeverTheObject_AndChangesNothing()
    {
        var world = await ReliabilityWorld.CreateAsync(_calls, callersPerRole: 2);
        var coordinator = world.Coordinators[0];
        var (owningPartner, otherPartner) = (world.Partners[0], world.OtherPartner);
        var (student, otherStudent, outsider) = (world.Students[0], world.Students[1], world.Outsider);
        var (courseFaculty, otherFaculty) = (world.Faculty[0], world.Faculty[1]);
        var cast = new[] { coordinator, owningPartner, otherPartner, student, otherStudent, outsider, courseFaculty, otherFaculty };
        var objects = await MatrixObjects.CreateAsync(_calls, world);

        var placement = student.OwnedId;
        var course = courseFaculty.OwnedId;
        var (toStudent, toOrganization) = (await FirstNotificationAsync(student), await FirstNotificationAsync(owningPartner));
        var routes = new List<Guarded>
        {
            new(HttpMethod.Get, $"/api/listings/{world.DraftListingId}", null, [owningPartner, coordinator]),
            new(HttpMethod.Put, $"/api/listings/{world.DraftListingId}", ReliabilityWorld.Listing("Taken over", 1), [owningPartner, coordinator]),
            new(HttpMethod.Post, $"/api/listings/{world.DraftListingId}/publish", null, [owningPartner, coordinator]),
            new(HttpMethod.Post, $"/api/listings/{world.OpenListingId}/close", null, [owningPartner, coordinator]),
            new(HttpMethod.Post, $"/api/listings/{world.OpenListingId}/cancel", null, [owningPartner, coordinator]),
            new(HttpMethod.Get, $"/api/listings/{world.OpenListingId}/course-matches", null, [owningPartner, coordinator]),
            new(HttpMethod.Post, $"/api/listings/{world.OpenListingId}/course-requests", new { courseId = course, message = "Adopt it?" }, [owningPartner]),
            new(HttpMethod.Put, $"/api/courses/{course}/listings/{world.OpenListingId}", null, [courseFaculty, coordinator]),
            new(HttpMethod.Delete, $"/api/courses/{course}/listings/{world.OpenListingId}", null, [courseFaculty, coordinator]),
            new(HttpMethod.Get, $"/api/courses/{course}/matches", null, [courseFaculty, coordinator]),
            new(HttpMethod.Post, $"/api/course-requests/{objects.CourseRequestId}/accept", null, [courseFaculty, coordinator, owningPartner]),
            new(HttpMethod.Post, $"/api/course-requests/{objects.CourseRequestId}/decline", null, [courseFaculty, coordinator, owningPartner]),

            new(HttpMethod.Get, $"/api/applications/{objects.ApplicationId}", null, [outsider, owningPartner, coordinator]),
            new(HttpMethod.Post, $"/api/applications/{objects.ApplicationId}/offer", null, [owningPartner]),
            new(HttpMethod.Post, $"/api/applications/{objects.ApplicationId}/reject", null, [owningPartner]),
            new(HttpMethod.Post, $"/api/applications/{objects.ApplicationId}/accept", null, [outsider]),
            new(HttpMethod.Post, $"/api/applications/{objects.ApplicationId}/decline", null, [outsider]),
            new(HttpMethod.Post, $"/api/applications/{objects.ApplicationId}/withdraw", null, [outsider]),
            new(HttpMethod.Get, $"/api/placements/{placement}", null, [student, owningPartner, coordinator]),
            new(HttpMethod.Get, $"/api/placements/{placement}/time-entries", null, [student, owningPartner, coordinator]),
            new(HttpMethod.Post, $"/api/placements/{placement}/time-entries", new { date = ProgramDay.Today, hours = 12m, note = "Not mine to log" }, [student]),
            new(HttpMethod.Post, $"/api/placements/{placement}/submit", new { note = "Not mine to submit" }, [student]),
            new(HttpMethod.Post, $"/api/placements/{placement}/request-revision", new { note = "Not mine to ask" }, [owningPartner]),
            new(HttpMethod.Post, $"/api/placements/{placement}/approve", new { rating = 5, feedback = "Not mine to approve" }, [owningPartner]),
            new(HttpMethod.Post, $"/api/placements/{placement}/cancel", new { reason = "Not mine to cancel" }, [student, owningPartner, coordinator]),
            new(HttpMethod.Post, $"/api/placements/{placement}/settlement", new { payableCents = 0, reason = "Not mine to settle" }, [owningPartner, coordinator]),
            new(HttpMethod.Post, $"/api/placements/{placement}/settlement/dispute", new { reason = "Not mine to dispute" }, [student]),
            new(HttpMethod.Get, $"/api/placements/{placement}/reflections", null, [student, coordinator]),
            new(HttpMethod.Post, $"/api/placements/{placement}/reflections", new { text = "Not mine to reflect" }, [student]),
            new(HttpMethod.Post, $"/api/placements/{placement}/student-feedback", new { rating = 1, comment = "Not mine" }, [student]),
            new(HttpMethod.Get, $"/api/placements/{placement}/feedback", null, [student, owningPartner, coordinator]),
            new(HttpMethod.Get, $"/api/placements/{objects.CompletedPlacementId}/record", null, [otherStudent]),

            new(HttpMethod.Get, $"/api/payouts/{objects.PayoutId}", null, [otherStudent, coordinator]),
            new(HttpMethod.Post, $"/api/payouts/{objects.PayoutId}/retry", null, [coordinator]),
            new(HttpMethod.Post, $"/api/payouts/{objects.PayoutId}/fund", new { fundId = world.FundId }, [coordinator]),
            new(HttpMethod.Get, "/api/payouts/summary", null, [coordinator]),
            new(HttpMethod.Get, $"/api/funds/{world.FundId}", null, [coordinator]),
            new(HttpMethod.Post, $"/api/funds/{world.FundId}/adjustments", new { amountCents = 1_000_000, reason = "Helping myself" }, [coordinator]),

            new(HttpMethod.Get, $"/api/notifications/{toStudent}", null, [student]),
            new(HttpMethod.Post, $"/api/notifications/{toStudent}/read", null, [student]),
            new(HttpMethod.Get, $"/api/notifications/{toOrganization}", null, [owningPartner]),
            new(HttpMethod.Post, $"/api/notifications/{toOrganization}/read", null, [owningPartner]),

            new(HttpMethod.Put, $"/api/events/{world.EventId}", new { title = "Taken over" }, [coordinator]),
            new(HttpMethod.Post, $"/api/events/{world.EventId}/sessions", new { title = "Mine now", kind = "presentation" }, [coordinator]),
            new(HttpMethod.Get, $"/api/events/{world.EventId}/registrations", null, [coordinator]),
            new(HttpMethod.Get, $"/api/events/{world.EventId}/registrations.csv", null, [coordinator]),
            new(HttpMethod.Post, $"/api/events/{world.EventId}/registrations/{objects.RegistrationId}/cancel", null, [student, coordinator]),
            new(HttpMethod.Post, $"/api/events/{world.EventId}/registrations/{objects.RegistrationId}/check-in", null, [coordinator]),
            new(HttpMethod.Delete, $"/api/events/{world.EventId}/slots/{objects.SlotId}", null, [owningPartner]),
            new(HttpMethod.Post, $"/api/events/{world.EventId}/slots/{objects.SlotId}/cancel-booking", null, [owningPartner, student]),
        };

        var failures = new List<string>();
        var calls = 0;
        foreach (var route in routes)
        {
            foreach (var caller in cast.Except(route.Allowed))
            {
                calls++;
                if (await RefusalProblemAsync(caller, route) is { } failure)
                {
                    failures.Add($"{route.Method} {route.Path} as {caller.Role} {caller.Subject}: {failure}");
                }
            }
        }

        output.WriteLine($"{routes.Count} routes, {calls} calls by callers who may not: {failures.Count} not refused");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await objects.AssertUnchangedAsync(world);
    }

    /// <summary>The newest of the caller's notifications, once the world's events have reached Notifications.</summary>
    private static async Task<string> FirstNotificationAsync(Caller caller) =>
        (await GatewayCalls.EventuallyAsync(async () =>
            (await GatewayCalls.SendAsync(caller.Client, HttpMethod.Get, "/api/notifications")).GetProperty("items") is { ValueKind: JsonValueKind.Array } items
            && items.GetArrayLength() > 0 ? items[0] : (JsonElement?)null)).GetProperty("id").GetString()!;

    [Fact]
    public async Task FieldsTheCallerMayNotSet_AreIgnored()
    {
        var world = await ReliabilityWorld.CreateAsync(_calls, callersPerRole: 1);
        var partner = world.Partners[0].Client;
        var forgedId = Guid.NewGuid().ToString();
        var backdated = DateTimeOffset.UtcNow.AddYears(-1);

        var listing = await GatewayCalls.SendAsync(partner, HttpMethod.Post, "/api/listings", WithForgedFields(ReliabilityWorld.Listing("Forged fields", 2), forgedId, backdated), HttpStatusCode.Created);
        Assert.NotEqual(forgedId, listing.GetProperty("id").GetString());
        Assert.Equal("draft", listing.GetProperty("status").GetString());
        Assert.Equal(0, listing.GetProperty("filledCount").GetInt32());
        Assert.Equal(world.OrganizationId, listing.GetProperty("organizationId").GetString());
        var updated = await GatewayCalls.SendAsync(partner, HttpMethod.Put, $"/api/listings/{world.DraftListingId}", WithForgedFields(ReliabilityWorld.Listing("Forged update", 1), forgedId, backdated));
        Assert.Equal("draft", updated.GetProperty("status").GetString());
        Assert.Equal(0, updated.GetProperty("filledCount").GetInt32());

        var application = await GatewayCalls.SendAsync(world.Outsider.Client, HttpMethod.Post, "/api/applications",
            new { listingId = world.OpenListingId, pitch = "Forged", status = "offered", studentId = "s-someone-else", offeredAt = backdated }, HttpStatusCode.Created);
        Assert.Equal("submitted", application.GetProperty("status").GetString());
        Assert.Equal(world.Outsider.Subject, application.GetProperty("studentId").GetString());

        var fund = await GatewayCalls.SendAsync(world.Coordinators[0].Client, HttpMethod.Post, "/api/funds",
            new { name = $"Forged fund {world.Suffix}", budgetCents = 5_000, currency = "USD", reservedCents = -1_000_000, spentCents = -1, availableCents = 999_999_999 }, HttpStatusCode.Created);
        Assert.Equal(5_000, fund.GetProperty("availableCents").GetInt64());
        Assert.Equal(0, fund.GetProperty("reservedCents").GetInt64());

        var registration = await GatewayCalls.SendAsync(world.Faculty[0].Client, HttpMethod.Post, $"/api/events/{world.EventId}/registrations",
            new { status = "confirmed", tier = "early_bird", feeCents = 0, checkedInAt = backdated, waitlistPosition = 0 }, HttpStatusCode.Created);
        Assert.Equal(7_500, registration.GetProperty("feeCents").GetInt64());
        Assert.Equal(JsonValueKind.Null, registration.GetProperty("checkedInAt").ValueKind);

        var placementId = world.Students[0].OwnedId;
        await GatewayCalls.SendAsync(world.Students[0].Client, HttpMethod.Post, $"/api/placements/{placementId}/time-entries",
            new { date = ProgramDay.Today, hours = 2m, note = "Real work", approvedHours = 40 }, HttpStatusCode.Created);
        await GatewayCalls.SendAsync(world.Students[0].Client, HttpMethod.Post, $"/api/placements/{placementId}/submit",
            new { note = "Forged", status = "completed", paidAt = backdated, paymentStatus = "paid", approvedHours = 40 });
        var placement = await GatewayCalls.SendAsync(world.Students[0].Client, HttpMethod.Get, $"/api/placements/{placementId}");
        Assert.Equal("submitted", placement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, placement.GetProperty("paidAt").ValueKind);
        Assert.NotEqual("paid", placement.GetProperty("paymentStatus").GetString());
    }

    private static object WithForgedFields(object listing, string forgedId, DateTimeOffset backdated)
    {
        var fields = JsonSerializer.SerializeToNode(listing, JsonSerializerOptions.Web)!.AsObject();
        fields["id"] = forgedId;
        fields["status"] = "open";
        fields["filledCount"] = 5;
        fields["publishedAt"] = backdated;
        fields["createdAt"] = backdated;
        return fields;
    }

    private static async Task<string?> RefusalProblemAsync(Caller caller, Guarded route)
    {
        using var request = new HttpRequestMessage(route.Method, route.Path)
        {
            Content = route.Body is null ? null : System.Net.Http.Json.JsonContent.Create(route.Body),
        };
        using var response = await caller.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
        {
            return $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}";
        }

        return response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? null : $"{(int)response.StatusCode} is not problem details: {body}";
    }
}
