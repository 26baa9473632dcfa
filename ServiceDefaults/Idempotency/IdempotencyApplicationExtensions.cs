using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.ServiceDefaults.Idempotency;

public static class IdempotencyApplicationExtensions
{
    /// <summary>
    /// Honours <c>Idempotency-Key</c> on writes, keeping answers in <typeparamref name="TContext"/>'s database.
    /// Call it after <c>UseApiDefaults</c>, which authenticates the caller the keys belong to.
    /// </summary>
    public static WebApplication UseIdempotencyKeys<TContext>(this WebApplication app) where TContext : DbContext
    {
        app.UseMiddleware<IdempotencyMiddleware<TContext>>();
        return app;
    }
}
