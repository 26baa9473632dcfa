using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Placements.Data.Configurations;

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> credential)
    {
        credential.Property(c => c.Id).HasMaxLength(Credential.IdLength).ValueGeneratedNever();
        credential.Property(c => c.StudentId).HasMaxLength(255);
        credential.Property(c => c.KeyId).HasMaxLength(100);
        credential.Property(c => c.RevocationReason).HasConversion<WireNameConverter<RevocationReason>>().HasMaxLength(20);
        credential.Property(c => c.RevocationNote).HasMaxLength(Apis.RevocationRequest.MaxNoteLength);
        credential.Property(c => c.Version).IsConcurrencyToken();
        credential.Ignore(c => c.IsRevoked);
        credential.HasOne<Placement>().WithMany().HasForeignKey(c => c.PlacementId).OnDelete(DeleteBehavior.Restrict);

        credential.HasIndex(c => c.PlacementId);
        credential.HasIndex(c => c.StatusIndex).IsUnique();
        credential.HasIndex(c => c.StatusIndex, "RevokedStatusIndex").HasFilter("revoked_at IS NOT NULL").HasDatabaseName("ix_credentials_revoked_status_index");
        credential.HasIndex(c => new { c.StudentId, c.IssuedAt }).HasFilter("revoked_at IS NULL");
    }
}
