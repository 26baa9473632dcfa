using MicroInternships.Payments.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MicroInternships.Payments.Data.Configurations;

internal sealed class ProcessedWebhookConfiguration : IEntityTypeConfiguration<ProcessedWebhook>
{
    public void Configure(EntityTypeBuilder<ProcessedWebhook> webhook)
    {
        webhook.HasKey(w => w.WebhookId);
        webhook.Property(w => w.WebhookId).HasMaxLength(255);
        webhook.HasIndex(w => w.ProcessedAt).HasMethod("brin");
    }
}
