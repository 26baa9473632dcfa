using MicroInternships.Placements.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Placements.Data.Configurations;

internal sealed class PortfolioConfiguration : IEntityTypeConfiguration<Portfolio>
{
    public void Configure(EntityTypeBuilder<Portfolio> portfolio)
    {
        portfolio.HasKey(p => p.StudentId);
        portfolio.Property(p => p.StudentId).HasMaxLength(255);
        portfolio.Property(p => p.Slug).HasMaxLength(PortfolioSlugs.MaxLength);
        portfolio.Property(p => p.Headline).HasMaxLength(PortfolioSlugs.MaxHeadlineLength);
        portfolio.Property(p => p.Version).IsConcurrencyToken();
        portfolio.HasIndex(p => p.Slug).IsUnique();
    }
}

internal sealed class PortfolioSlugConfiguration : IEntityTypeConfiguration<PortfolioSlug>
{
    public void Configure(EntityTypeBuilder<PortfolioSlug> slug)
    {
        slug.HasKey(s => s.Slug);
        slug.Property(s => s.Slug).HasMaxLength(PortfolioSlugs.MaxLength);
        slug.Property(s => s.StudentId).HasMaxLength(255);
    }
}
