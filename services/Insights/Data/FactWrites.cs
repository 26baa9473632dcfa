using MicroInternships.Contracts.Events;
using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Payments;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Insights.Data;

/// <summary>
/// Every write to the read model, one statement each (no load, no tracking; a batch's go in one round trip, FactBatch): a snapshot replaces the row only when it is
/// newer (<c>WHERE version &lt; EXCLUDED.version</c>), and a milestone keeps its earliest moment, so duplicated, late and
/// reordered events, and replays, leave the same rows.
/// </summary>
public static class FactWrites
{
    public static void Upsert(this FactBatch batch, OrganizationSnapshot o, DateTimeOffset at) =>
        batch.Add($"""
            INSERT INTO organization_facts AS f (id, version, name, applied_at) VALUES ({o.OrganizationId}, {o.Version}, {o.Name}, {at})
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name, applied_at = EXCLUDED.applied_at
            WHERE f.version < EXCLUDED.version
            """);

    public static void Upsert(this FactBatch batch, CourseSnapshot c, DateTimeOffset at) =>
        batch.Add($"""
            INSERT INTO course_facts AS f (id, version, faculty_id, code, title, term, department, applied_at)
            VALUES ({c.CourseId}, {c.Version}, {c.FacultyId}, {c.Code}, {c.Title}, {c.Term}, {c.Department}, {at})
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, faculty_id = EXCLUDED.faculty_id, code = EXCLUDED.code,
                title = EXCLUDED.title, term = EXCLUDED.term, department = EXCLUDED.department, applied_at = EXCLUDED.applied_at
            WHERE f.version < EXCLUDED.version
            """);

    /// <param name="publishedAt">When the listing was first published: its snapshot's, else the moment of the <c>ListingPublished</c>
    /// carrying it (an event logged before snapshots had the date).</param>
    public static void Upsert(this FactBatch batch, ListingSnapshot l, DateTimeOffset? publishedAt, DateTimeOffset at)
    {
        var courses = l.CourseIds.ToArray();
        var published = l.PublishedAt ?? publishedAt;
        batch.Add($"""
            INSERT INTO listing_facts AS f (id, version, organization_id, status, discipline, estimated_hours, fund_id, course_ids, published_at, applied_at)
            VALUES ({l.ListingId}, {l.Version}, {l.OrganizationId}, {l.Status}, {l.Discipline}, {l.EstimatedHours}, {l.FundId}, {courses}, {published}, {at})
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, organization_id = EXCLUDED.organization_id, status = EXCLUDED.status,
                discipline = CASE WHEN EXCLUDED.discipline = '' THEN f.discipline ELSE EXCLUDED.discipline END,
                estimated_hours = EXCLUDED.estimated_hours, fund_id = EXCLUDED.fund_id, course_ids = EXCLUDED.course_ids,
                published_at = LEAST(f.published_at, EXCLUDED.published_at), applied_at = EXCLUDED.applied_at
            WHERE f.version < EXCLUDED.version
            """);
    }

    public static void Upsert(this FactBatch batch, ApplicationSnapshot a, DateTimeOffset at) =>
        batch.Add($"""
            INSERT INTO application_facts AS f (id, version, listing_id, organization_id, course_id, student_id, status, submitted_at, offered_at, applied_at)
            VALUES ({a.ApplicationId}, {a.Version}, {a.ListingId}, {a.OrganizationId}, {a.CourseId}, {a.StudentId}, {a.Status}, {a.SubmittedAt}, {a.OfferedAt}, {at})
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, course_id = EXCLUDED.course_id, status = EXCLUDED.status,
                offered_at = COALESCE(EXCLUDED.offered_at, f.offered_at), applied_at = EXCLUDED.applied_at
            WHERE f.version < EXCLUDED.version
            """);

    public static void Upsert(this FactBatch batch, PlacementSnapshot p, DateTimeOffset at) =>
        batch.Add($"""
            INSERT INTO placement_facts AS f (id, version, listing_id, organization_id, course_id, fund_id, student_id, status, amount_cents,
                auto_approved, revision_rounds, hours_version, logged_hours, estimated_hours, applied_at)
            VALUES ({p.PlacementId}, {p.Version}, {p.ListingId}, {p.OrganizationId}, {p.CourseId}, {p.FundId}, {p.StudentId}, {p.Status},
                {p.AmountCents}, FALSE, 0, 0, 0, 0, {at})
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, listing_id = EXCLUDED.listing_id, organization_id = EXCLUDED.organization_id,
                course_id = EXCLUDED.course_id, fund_id = EXCLUDED.fund_id, student_id = EXCLUDED.student_id, status = EXCLUDED.status,
                amount_cents = EXCLUDED.amount_cents, applied_at = EXCLUDED.applied_at
            WHERE f.version < EXCLUDED.version
            """);

    /// <summary>A milestone's moment: the placement's snapshot first, then the earliest moment each milestone was reported.</summary>
    public static void Milestone(this FactBatch batch, PlacementSnapshot p, PlacementMilestone milestone, DateTimeOffset at)
    {
        batch.Upsert(p, at);
        batch.Add(milestone switch
        {
            PlacementMilestone.Started => $"UPDATE placement_facts SET started_at = LEAST(started_at, {at}) WHERE id = {p.PlacementId}",
            PlacementMilestone.Cancelled => $"UPDATE placement_facts SET cancelled_at = LEAST(cancelled_at, {at}) WHERE id = {p.PlacementId}",
            _ => throw new ArgumentOutOfRangeException(nameof(milestone)),
        });
        if (milestone == PlacementMilestone.Started)
        {
            batch.Add($"""
                UPDATE placement_facts SET student_first_started_at = first.at
                FROM (SELECT min(started_at) AS at FROM placement_facts WHERE student_id = {p.StudentId}) first
                WHERE student_id = {p.StudentId} AND student_first_started_at IS DISTINCT FROM first.at
                """);
        }
    }

    public static void Completed(this FactBatch batch, PlacementSnapshot p, bool autoApproved, DateTimeOffset at)
    {
        batch.Upsert(p, at);
        batch.Add(
            $"UPDATE placement_facts SET completed_at = LEAST(completed_at, {at}), auto_approved = {autoApproved} WHERE id = {p.PlacementId}");
    }

    public static void RevisionRequested(this FactBatch batch, PlacementSnapshot p, int revisionCount, DateTimeOffset at)
    {
        batch.Upsert(p, at);
        batch.Add(
            $"UPDATE placement_facts SET revision_rounds = GREATEST(revision_rounds, {revisionCount}) WHERE id = {p.PlacementId}");
    }

    /// <summary>The entry, and the placement's totals if newer; the placement's row waits for its start if the entry came first.</summary>
    public static void TimeLogged(this FactBatch batch, TimeEntryLogged e)
    {
        batch.Add($"""
            INSERT INTO time_entry_facts (id, placement_id, date, hours, applied_at) VALUES ({e.TimeEntryId}, {e.PlacementId}, {e.Date}, {e.Hours}, {e.OccurredAt})
            ON CONFLICT (id) DO NOTHING
            """);
        batch.Add($"""
            INSERT INTO placement_facts AS f (id, version, listing_id, organization_id, student_id, status, amount_cents, auto_approved, revision_rounds,
                hours_version, logged_hours, estimated_hours, applied_at)
            VALUES ({e.PlacementId}, 0, {Guid.Empty}, {Guid.Empty}, '', '', 0, FALSE, 0, {e.Version}, {e.LoggedHours}, {e.EstimatedHours}, {e.OccurredAt})
            ON CONFLICT (id) DO UPDATE SET hours_version = EXCLUDED.hours_version, logged_hours = EXCLUDED.logged_hours,
                estimated_hours = EXCLUDED.estimated_hours, applied_at = GREATEST(f.applied_at, EXCLUDED.applied_at)
            WHERE f.hours_version < EXCLUDED.hours_version
            """);
    }

    /// <summary>Each rating is revealed once; a later event that reveals the other side's keeps the first's.</summary>
    public static void Revealed(this FactBatch batch, FeedbackRevealed e) =>
        batch.Add($"""
            INSERT INTO rating_facts AS f (placement_id, partner_rating, student_rating, revealed_at, applied_at)
            VALUES ({e.PlacementId}, {e.PartnerRating}, {e.StudentRating}, {e.OccurredAt}, {e.OccurredAt})
            ON CONFLICT (placement_id) DO UPDATE SET partner_rating = COALESCE(f.partner_rating, EXCLUDED.partner_rating),
                student_rating = COALESCE(f.student_rating, EXCLUDED.student_rating), revealed_at = LEAST(f.revealed_at, EXCLUDED.revealed_at),
                applied_at = GREATEST(f.applied_at, EXCLUDED.applied_at)
            """);

    /// <param name="openedAt">The moment of the <c>PayoutOpened</c> carrying it; null for the payout's other events.</param>
    public static void Upsert(this FactBatch batch, PayoutSnapshot p, DateTimeOffset? openedAt, DateTimeOffset at) =>
        batch.Add($"""
            INSERT INTO payout_facts AS f (id, version, placement_id, organization_id, fund_id, student_id, status, amount_cents, opened_at, paid_at, applied_at)
            VALUES ({p.PayoutId}, {p.Version}, {p.PlacementId}, {p.OrganizationId}, {p.FundId}, {p.StudentId}, {p.Status}, {p.AmountCents}, {openedAt}, {p.PaidAt}, {at})
            ON CONFLICT (id) DO UPDATE SET
                version = GREATEST(f.version, EXCLUDED.version),
                fund_id = CASE WHEN f.version < EXCLUDED.version THEN EXCLUDED.fund_id ELSE f.fund_id END,
                status = CASE WHEN f.version < EXCLUDED.version THEN EXCLUDED.status ELSE f.status END,
                amount_cents = CASE WHEN f.version < EXCLUDED.version THEN EXCLUDED.amount_cents ELSE f.amount_cents END,
                paid_at = CASE WHEN f.version < EXCLUDED.version THEN EXCLUDED.paid_at ELSE f.paid_at END,
                opened_at = LEAST(f.opened_at, EXCLUDED.opened_at),
                applied_at = GREATEST(f.applied_at, EXCLUDED.applied_at)
            WHERE f.version < EXCLUDED.version OR EXCLUDED.opened_at IS NOT NULL
            """);

    public static void Upsert(this FactBatch batch, FundSnapshot f, DateTimeOffset at) =>
        batch.Add($"""
            INSERT INTO fund_facts AS f (id, version, name, currency, budget_cents, reserved_cents, spent_cents, available_cents, applied_at)
            VALUES ({f.FundId}, {f.Version}, {f.Name}, {f.Currency}, {f.BudgetCents}, {f.ReservedCents}, {f.SpentCents}, {f.AvailableCents}, {at})
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, name = EXCLUDED.name, currency = EXCLUDED.currency,
                budget_cents = EXCLUDED.budget_cents, reserved_cents = EXCLUDED.reserved_cents, spent_cents = EXCLUDED.spent_cents,
                available_cents = EXCLUDED.available_cents, applied_at = EXCLUDED.applied_at
            WHERE f.version < EXCLUDED.version
            """);

    public static void Upsert(this FactBatch batch, EventSnapshot e, DateTimeOffset at) =>
        batch.Add($"""
            INSERT INTO institute_event_facts AS f (id, version, title, starts_at, applied_at) VALUES ({e.EventId}, {e.Version}, {e.Title}, {e.StartsAt}, {at})
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, applied_at = EXCLUDED.applied_at
            WHERE f.version < EXCLUDED.version
            """);

    public static void Upsert(this FactBatch batch, RegistrationSnapshot r, bool promoted, DateTimeOffset at) =>
        batch.Add($"""
            INSERT INTO registration_facts AS f (id, version, event_id, attendee_id, audience, status, tier, promoted, applied_at)
            VALUES ({r.RegistrationId}, {r.Version}, {r.EventId}, {r.AttendeeId}, {r.Audience}, {r.Status}, {r.Tier}, {promoted}, {at})
            ON CONFLICT (id) DO UPDATE SET
                version = GREATEST(f.version, EXCLUDED.version),
                status = CASE WHEN f.version < EXCLUDED.version THEN EXCLUDED.status ELSE f.status END,
                tier = CASE WHEN f.version < EXCLUDED.version THEN EXCLUDED.tier ELSE f.tier END,
                promoted = f.promoted OR EXCLUDED.promoted,
                applied_at = GREATEST(f.applied_at, EXCLUDED.applied_at)
            WHERE f.version < EXCLUDED.version OR (EXCLUDED.promoted AND NOT f.promoted)
            """);

    public static void Upsert(this FactBatch batch, SlotSnapshot s, bool withdrawn, DateTimeOffset at) =>
        batch.Add($"""
            INSERT INTO slot_facts AS f (id, version, event_id, organization_id, booked, withdrawn, applied_at)
            VALUES ({s.SlotId}, {s.Version}, {s.EventId}, {s.OrganizationId}, {s.BookedBy != null}, {withdrawn}, {at})
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, booked = EXCLUDED.booked, withdrawn = EXCLUDED.withdrawn, applied_at = EXCLUDED.applied_at
            WHERE f.version < EXCLUDED.version
            """);
}

public enum PlacementMilestone
{
    Started,
    Cancelled,
}
