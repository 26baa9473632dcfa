namespace MicroInternships.Events.Data;

/// <summary>The names of the constraints that keep slots apart, so a violation can be told back to the caller precisely.</summary>
public static class SlotConstraints
{
    public const string PartnerSlotsApart = "ex_slots_partner_apart";
    public const string BookingsApart = "ex_slots_bookings_apart";
    public const string OnePerOrganization = "ux_slots_one_per_organization";

    /// <summary>Added by the migration: EF has no words for an exclusion constraint.</summary>
    public const string CreateSql = $"""
        ALTER TABLE slots ADD CONSTRAINT {PartnerSlotsApart}
            EXCLUDE USING gist (event_id WITH =, partner_id WITH =, tstzrange(starts_at, ends_at) WITH &&);
        ALTER TABLE slots ADD CONSTRAINT {BookingsApart}
            EXCLUDE USING gist (event_id WITH =, booked_by WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (booked_by IS NOT NULL);
        """;
}
