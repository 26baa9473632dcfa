using Microsoft.EntityFrameworkCore;

namespace MicroInternships.ServiceDefaults.Idempotency;

public static class IdempotencyModelBuilderExtensions
{
    public const string Table = "idempotent_requests";

    /// <summary>The table behind <c>Idempotency-Key</c>: one row per caller and key, kept 24 hours.</summary>
    public static ModelBuilder AddIdempotentRequests(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotentRequest>(request =>
        {
            request.ToTable(Table);
            request.HasKey(r => new { r.Caller, r.Key });
            request.Property(r => r.Caller).HasColumnName("caller").HasMaxLength(255);
            request.Property(r => r.Key).HasColumnName("key").HasMaxLength(255);
            request.Property(r => r.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
            request.Property(r => r.ResponseStatus).HasColumnName("response_status");
            request.Property(r => r.ResponseContentType).HasColumnName("response_content_type").HasMaxLength(200);
            request.Property(r => r.ResponseLocation).HasColumnName("response_location").HasMaxLength(2000);
            request.Property(r => r.ResponseBody).HasColumnName("response_body");
            request.Property(r => r.CreatedAt).HasColumnName("created_at");
            request.Property(r => r.CompletedAt).HasColumnName("completed_at");
            request.HasIndex(r => r.CreatedAt).HasDatabaseName("ix_idempotent_requests_created_at").HasAnnotation("Npgsql:IndexMethod", "brin");
        });
        return modelBuilder;
    }
}
