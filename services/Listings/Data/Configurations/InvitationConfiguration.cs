using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Listings.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.Property(i => i.Id).ValueGeneratedNever();
        invitation.Property(i => i.Email).HasMaxLength(320);
        invitation.Property(i => i.TokenHash).HasMaxLength(32);
        invitation.Property(i => i.InvitedBy).HasMaxLength(255);
        invitation.Property(i => i.AcceptedBy).HasMaxLength(255);
        invitation.Property(i => i.Status).HasConversion<WireNameConverter<InvitationStatus>>().HasMaxLength(16);
        // Two accepts of one link at once: the later save finds the version changed and fails (409), not a second member.
        invitation.Property(i => i.Version).IsConcurrencyToken();
        invitation.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasIndex(i => new { i.OrganizationId, i.CreatedAt });
    }
}
