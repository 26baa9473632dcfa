using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Listings.Data.Configurations;

internal sealed class CourseRequestConfiguration : IEntityTypeConfiguration<CourseRequest>
{
    public void Configure(EntityTypeBuilder<CourseRequest> request)
    {
        request.Property(r => r.Id).ValueGeneratedNever();
        request.Property(r => r.PartnerId).HasMaxLength(255);
        request.Property(r => r.FacultyId).HasMaxLength(255);
        request.Property(r => r.Message).HasMaxLength(2000);
        request.Property(r => r.DeclineNote).HasMaxLength(2000);
        request.HasOne<CourseNeed>().WithMany().HasForeignKey(r => r.NeedId).OnDelete(DeleteBehavior.Cascade);
        // Two answers to one request at once: the later save finds the status changed and fails (409), not overwrites.
        request.Property(r => r.Status).HasConversion<WireNameConverter<CourseRequestStatus>>().HasMaxLength(16).IsConcurrencyToken();
        request.HasOne<Listing>().WithMany().HasForeignKey(r => r.ListingId).OnDelete(DeleteBehavior.Cascade);
        request.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Cascade);

        // One open question per listing and course at a time; asking again after an answer is allowed.
        request.HasIndex(r => new { r.ListingId, r.CourseId }).IsUnique().HasFilter("status = 'pending'");
        request.HasIndex(r => new { r.FacultyId, r.CreatedAt });
        request.HasIndex(r => new { r.OrganizationId, r.CreatedAt });
        // An organization's pending requests are counted (ten at most) before each new one.
        request.HasIndex(r => r.OrganizationId).HasFilter("status = 'pending'");
    }
}
