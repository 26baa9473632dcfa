using MicroInternships.Insights.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Insights.Data.Configurations;

/// <summary>
/// The read model's tables. Ids are the publishers'; every row keeps the moment of the last event applied to it
/// (<c>applied_at</c>), which the figures' "as of" is the latest of. The facts the figures count are read into memory
/// (<see cref="Memory.FactsInMemory"/>) and marked with the transaction that last wrote them (<c>change_xid</c>, stamped by
/// a trigger) so that only what changed is read again; they carry no other index, which would only slow their writes.
/// </summary>
internal sealed class FactConfigurations :
    IEntityTypeConfiguration<OrganizationFact>, IEntityTypeConfiguration<CourseFact>, IEntityTypeConfiguration<ListingFact>,
    IEntityTypeConfiguration<ApplicationFact>, IEntityTypeConfiguration<PlacementFact>, IEntityTypeConfiguration<TimeEntryFact>,
    IEntityTypeConfiguration<RatingFact>, IEntityTypeConfiguration<PayoutFact>, IEntityTypeConfiguration<FundFact>,
    IEntityTypeConfiguration<InstituteEventFact>, IEntityTypeConfiguration<RegistrationFact>, IEntityTypeConfiguration<SlotFact>
{
    public const string ChangeXid = "ChangeXid";

    public void Configure(EntityTypeBuilder<OrganizationFact> organization)
    {
        organization.ToTable("organization_facts").Property(o => o.Id).ValueGeneratedNever();
        organization.HasIndex(o => o.AppliedAt);
    }

    public void Configure(EntityTypeBuilder<CourseFact> course)
    {
        course.ToTable("course_facts").Property(c => c.Id).ValueGeneratedNever();
        course.HasIndex(c => c.FacultyId);
        course.HasIndex(c => c.AppliedAt);
        ChangeTracked(course);
    }

    public void Configure(EntityTypeBuilder<ListingFact> listing)
    {
        listing.ToTable("listing_facts").Property(l => l.Id).ValueGeneratedNever();
        ChangeTracked(listing);
    }

    public void Configure(EntityTypeBuilder<ApplicationFact> application)
    {
        application.ToTable("application_facts").Property(a => a.Id).ValueGeneratedNever();
        ChangeTracked(application);
    }

    public void Configure(EntityTypeBuilder<PlacementFact> placement)
    {
        placement.ToTable("placement_facts").Property(p => p.Id).ValueGeneratedNever();
        placement.Property(p => p.LoggedHours).HasPrecision(9, 2);
        placement.HasIndex(p => p.StudentId);
        ChangeTracked(placement);
    }

    public void Configure(EntityTypeBuilder<TimeEntryFact> entry)
    {
        entry.ToTable("time_entry_facts").Property(t => t.Id).ValueGeneratedNever();
        entry.Property(t => t.Hours).HasPrecision(9, 2);
        ChangeTracked(entry);
    }

    public void Configure(EntityTypeBuilder<RatingFact> rating)
    {
        rating.ToTable("rating_facts").HasKey(r => r.PlacementId);
        ChangeTracked(rating);
    }

    public void Configure(EntityTypeBuilder<PayoutFact> payout)
    {
        payout.ToTable("payout_facts").Property(p => p.Id).ValueGeneratedNever();
        ChangeTracked(payout);
    }

    public void Configure(EntityTypeBuilder<FundFact> fund)
    {
        fund.ToTable("fund_facts").Property(f => f.Id).ValueGeneratedNever();
        fund.HasIndex(f => f.AppliedAt);
    }

    public void Configure(EntityTypeBuilder<InstituteEventFact> institute)
    {
        institute.ToTable("institute_event_facts").Property(e => e.Id).ValueGeneratedNever();
        institute.HasIndex(e => e.AppliedAt);
    }

    public void Configure(EntityTypeBuilder<RegistrationFact> registration)
    {
        registration.ToTable("registration_facts").Property(r => r.Id).ValueGeneratedNever();
        registration.HasIndex(r => r.EventId);
        registration.HasIndex(r => r.AppliedAt);
    }

    public void Configure(EntityTypeBuilder<SlotFact> slot)
    {
        slot.ToTable("slot_facts").Property(s => s.Id).ValueGeneratedNever();
        slot.HasIndex(s => s.EventId);
        slot.HasIndex(s => s.AppliedAt);
    }

    /// <summary>The transaction that last wrote the row, as a number (<c>pg_current_xact_id()</c>); set by the trigger <c>stamp_change_xid</c>.</summary>
    private static void ChangeTracked<TFact>(EntityTypeBuilder<TFact> fact) where TFact : class
    {
        fact.Property<long>(ChangeXid).HasDefaultValue(0L);
        fact.HasIndex(ChangeXid);
    }
}
