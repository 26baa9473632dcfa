using MicroInternships.Events.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Events.Data.Configurations;

internal sealed class TalkProposalConfiguration : IEntityTypeConfiguration<TalkProposal>
{
    public void Configure(EntityTypeBuilder<TalkProposal> proposal)
    {
        proposal.Property(p => p.Id).ValueGeneratedNever();
        proposal.Property(p => p.ProposerId).HasMaxLength(255);
        proposal.Property(p => p.ProposerName).HasMaxLength(200);
        proposal.Property(p => p.ProposerRole).HasConversion<WireNameConverter<Audience>>().HasMaxLength(16);
        proposal.Property(p => p.Title).HasMaxLength(160);
        proposal.Property(p => p.Abstract).HasMaxLength(3000);
        proposal.Property(p => p.Type).HasConversion<WireNameConverter<TalkType>>().HasMaxLength(32);
        proposal.Property(p => p.Status).HasConversion<WireNameConverter<ProposalStatus>>().HasMaxLength(16);
        proposal.Property(p => p.DecisionNote).HasMaxLength(2000);
        proposal.Property(p => p.DecidedBy).HasMaxLength(255);
        // Two coordinators deciding at once: the later save finds the version changed (409), not a second session.
        proposal.Property(p => p.Version).IsConcurrencyToken();
        proposal.HasOne<Event>().WithMany().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        proposal.HasIndex(p => new { p.EventId, p.CreatedAt });
        proposal.HasIndex(p => new { p.EventId, p.ProposerId });
    }
}
