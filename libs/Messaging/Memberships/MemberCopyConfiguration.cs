using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Messaging.Memberships;

internal sealed class MemberCopyConfiguration : IEntityTypeConfiguration<MemberCopy>
{
    public const string Table = "organization_members";

    public void Configure(EntityTypeBuilder<MemberCopy> member)
    {
        member.ToTable(Table);
        member.HasKey(m => new { m.OrganizationId, m.Subject });
        member.Property(m => m.Subject).HasMaxLength(255);
    }
}
