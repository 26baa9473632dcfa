using MicroInternships.Listings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Listings.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> organization)
    {
        organization.Property(o => o.Id).ValueGeneratedNever();
        organization.Property(o => o.Name).HasMaxLength(120);
        organization.Property(o => o.Website).HasMaxLength(300);
        organization.Property(o => o.Description).HasMaxLength(2000);
        organization.Property(o => o.Version).IsConcurrencyToken();
        organization.HasIndex(o => new { o.CreatedAt, o.Id });
    }
}
