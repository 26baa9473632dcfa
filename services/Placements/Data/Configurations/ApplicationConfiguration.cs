using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Placements.Data.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> application)
    {
        application.Property(a => a.Id).ValueGeneratedNever();
        application.Property(a => a.StudentId).HasMaxLength(255);
        application.Property(a => a.StudentName).HasMaxLength(200);
        application.Property(a => a.Pitch).HasMaxLength(2000);
        application.Property(a => a.Currency).HasMaxLength(3);
        application.Property(a => a.Status).HasConversion<WireNameConverter<ApplicationStatus>>().HasMaxLength(16);
        application.Property(a => a.Version).IsConcurrencyToken();
        application.Ignore(a => a.SubmittedAt);
        application.HasOne<ListingCopy>().WithMany().HasForeignKey(a => a.ListingId).OnDelete(DeleteBehavior.Restrict);

        // One active application per student and listing, whatever races the API loses.
        application.HasIndex(a => new { a.ListingId, a.StudentId }).IsUnique().HasFilter("status IN ('submitted', 'offered', 'accepted')");
        application.HasIndex(a => new { a.StudentId, a.CreatedAt, a.Id });
        application.HasIndex(a => new { a.OrganizationId, a.CreatedAt, a.Id });
        application.HasIndex(a => new { a.CourseId, a.CreatedAt, a.Id });
        application.HasIndex(a => new { a.ListingId, a.Status });
        application.HasIndex(a => a.OfferExpiresAt).HasFilter("status = 'offered'");
    }
}
