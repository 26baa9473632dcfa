using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Placements.Data.Configurations;

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> placement)
    {
        placement.Property(p => p.Id).ValueGeneratedNever();
        placement.Property(p => p.ListingTitle).HasMaxLength(120);
        placement.Property(p => p.StudentId).HasMaxLength(255);
        placement.Property(p => p.StudentName).HasMaxLength(200);
        placement.Property(p => p.OrganizationName).HasMaxLength(200);
        placement.Property(p => p.Currency).HasMaxLength(3);
        placement.Property(p => p.LoggedHours).HasPrecision(7, 2);
        placement.Property(p => p.Status).HasConversion<WireNameConverter<PlacementStatus>>().HasMaxLength(20);
        placement.Property(p => p.PaymentStatus).HasConversion<WireNameConverter<PaymentStatus>>().HasMaxLength(16);
        placement.Property(p => p.FundingStatus).HasConversion<WireNameConverter<FundingStatus>>().HasMaxLength(16);
        placement.Property(p => p.PaymentFailureReason).HasMaxLength(100);
        placement.Property(p => p.DeliverableUrl).HasMaxLength(2000);
        placement.Property(p => p.SubmissionNote).HasMaxLength(2000);
        placement.Property(p => p.RevisionNote).HasMaxLength(2000);
        placement.Property(p => p.CancelReason).HasMaxLength(500);
        placement.Property(p => p.CancelledBy).HasMaxLength(16);
        placement.Property(p => p.Settlement).HasConversion<WireNameConverter<SettlementStatus>>().HasMaxLength(16);
        placement.Property(p => p.SettledBy).HasConversion<WireNameConverter<SettlementParty>>().HasMaxLength(16);
        placement.Property(p => p.SettlementReason).HasMaxLength(500);
        placement.Property(p => p.DisputeReason).HasMaxLength(2000);
        placement.Property(p => p.VerificationCode).HasMaxLength(VerificationCodes.Length);
        placement.Property(p => p.Version).IsConcurrencyToken();
        placement.Property(p => p.Endorsements)
            .HasConversion(EndorsementsConversion.Converter, EndorsementsConversion.Comparer)
            .HasColumnType("jsonb")
            .HasDefaultValueSql("'[]'::jsonb");
        placement.Property(p => p.CredentialId).HasMaxLength(Credential.IdLength);
        placement.OwnsOne(p => p.PartnerFeedback, feedback => feedback.ToJson());
        placement.OwnsOne(p => p.StudentFeedback, feedback => feedback.ToJson());
        placement.Ignore(p => p.StartedAt);
        placement.Ignore(p => p.IsInProgress);
        placement.HasOne<Application>().WithOne().HasForeignKey<Placement>(p => p.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        placement.HasOne<ListingCopy>().WithMany().HasForeignKey(p => p.ListingId).OnDelete(DeleteBehavior.Restrict);

        placement.HasIndex(p => p.VerificationCode).IsUnique();
        placement.HasIndex(p => new { p.StudentId, p.CreatedAt, p.Id });
        placement.HasIndex(p => new { p.OrganizationId, p.CreatedAt, p.Id });
        placement.HasIndex(p => new { p.CourseId, p.CreatedAt, p.Id });
        placement.HasIndex(p => p.SubmittedAt).HasFilter("status = 'submitted'");
        placement.HasIndex(p => p.SettlementDueAt).HasFilter("settlement IN ('pending', 'settled')");
        placement.HasIndex(p => new { p.Settlement, p.CreatedAt, p.Id }).HasFilter("settlement <> 'none'");
        placement.HasIndex(p => p.CompletedAt)
            .HasFilter("status = 'completed' AND revealed_ratings = 0 AND (partner_feedback IS NOT NULL OR student_feedback IS NOT NULL)");
    }
}
