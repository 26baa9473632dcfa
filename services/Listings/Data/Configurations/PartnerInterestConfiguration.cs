using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Listings.Data.Configurations;

internal sealed class PartnerInterestConfiguration : IEntityTypeConfiguration<PartnerInterest>
{
    public void Configure(EntityTypeBuilder<PartnerInterest> interest)
    {
        interest.ToTable("partner_interests");
        interest.Property(i => i.Id).ValueGeneratedNever();
        interest.Property(i => i.OrganizationName).HasMaxLength(120);
        interest.Property(i => i.Website).HasMaxLength(300);
        interest.Property(i => i.ContactName).HasMaxLength(120);
        interest.Property(i => i.ContactEmail).HasMaxLength(320);
        interest.Property(i => i.DomainKey).HasMaxLength(320);
        interest.Property(i => i.ProjectKinds).HasMaxLength(2000);
        interest.Property(i => i.DeclineNote).HasMaxLength(2000);
        interest.Property(i => i.DecidedBy).HasMaxLength(255);
        interest.Property(i => i.ConfirmationHash).HasMaxLength(32);
        interest.Property(i => i.Status).HasConversion<WireNameConverter<PartnerInterestStatus>>().HasMaxLength(16);
        // Two coordinators deciding at once, or two clicks on the link: the later save finds the version changed (409).
        interest.Property(i => i.Version).IsConcurrencyToken();
        interest.HasIndex(i => i.ConfirmationHash).IsUnique();
        // One request per domain waits for coordinators: a second confirmation fails here even when two race.
        interest.HasIndex(i => i.DomainKey).IsUnique().HasFilter("status = 'pending'").HasDatabaseName("ix_partner_interests_pending_domain");
        interest.HasIndex(i => new { i.Status, i.CreatedAt });
    }
}
