using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Listings.Data.Configurations;

internal sealed class OrganizationMembershipConfiguration : IEntityTypeConfiguration<OrganizationMembership>
{
    public void Configure(EntityTypeBuilder<OrganizationMembership> membership)
    {
        membership.ToTable("memberships");
        membership.Property(m => m.Id).ValueGeneratedNever();
        membership.Property(m => m.Subject).HasMaxLength(255);
        membership.Property(m => m.Email).HasMaxLength(320);
        membership.Property(m => m.Status).HasConversion<WireNameConverter<MembershipStatus>>().HasMaxLength(16);
        membership.Property(m => m.Version).IsConcurrencyToken();
        membership.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        // One membership per person and organization; the membership gate reads it by these on every partner call.
        membership.HasIndex(m => new { m.OrganizationId, m.Subject }).IsUnique().IncludeProperties(m => m.Status);
        membership.HasIndex(m => new { m.OrganizationId, m.CreatedAt });
    }
}
