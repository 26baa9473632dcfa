using System.Security.Cryptography;
using System.Text;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.ServiceDefaults.Idempotency;

/// <summary>
/// Makes a write safe to retry: the first request with a given <c>Idempotency-Key</c> (per caller: subject, role and
/// organization, so a person acting in another role or for another organization never gets another's answer) runs and its
/// answer is kept for 24 hours; a repeat gets that answer again (<c>Idempotency-Replayed: true</c>) without
/// running; the same key with another request is 422; a repeat while the first still runs is 409. Server
/// errors are not kept, so a retry after one runs again.
/// </summary>
public sealed class IdempotencyMiddleware<TContext>(RequestDelegate next) where TContext : DbContext
{
    public const string HeaderName = "Idempotency-Key";
    private const int MaxBodyBytes = 1024 * 1024;
    private static readonly TimeSpan _retention = TimeSpan.FromHours(24);

    public async Task InvokeAsync(HttpContext http, TContext db, IProblemDetailsService problems)
    {
        if (!http.Request.Headers.TryGetValue(HeaderName, out var values) || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || http.User.Identity?.IsAuthenticated != true)
        {
            await next(http);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > 255)
        {
            await WriteProblemAsync(http, problems, StatusCodes.Status400BadRequest, "invalid_idempotency_key", "Idempotency-Key must be 1 to 255 characters.");
            return;
        }

        var caller = Scope(Caller.From(http.User));
        var hash = await HashRequestAsync(http.Request);
        var now = DateTimeOffset.UtcNow;
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotent_requests WHERE caller = {caller} AND key = {key} AND created_at < {now - _retention}", http.RequestAborted);
        var claimed = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotent_requests (caller, key, request_hash, created_at) VALUES ({caller}, {key}, {hash}, {now})
            ON CONFLICT DO NOTHING
            """, http.RequestAborted);
        if (claimed == 0)
        {
            await AnswerRepeatAsync(http, db, problems, caller, key, hash);
            return;
        }

        await RunAndKeepAsync(http, db, caller, key);
    }

    private async Task RunAndKeepAsync(HttpContext http, TContext db, string caller, string key)
    {
        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        catch
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM idempotent_requests WHERE caller = {caller} AND key = {key}", CancellationToken.None);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        var status = http.Response.StatusCode;
        if (status >= 500)
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM idempotent_requests WHERE caller = {caller} AND key = {key}", CancellationToken.None);
        }
        else
        {
            var body = captured.ToArray();
            var contentType = http.Response.ContentType;
            var location = http.Response.Headers.Location.ToString();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE idempotent_requests
                SET response_status = {status}, response_content_type = {contentType}, response_location = {(location.Length == 0 ? null : location)},
                    response_body = {body}, completed_at = {DateTimeOffset.UtcNow}
                WHERE caller = {caller} AND key = {key}
                """, CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task AnswerRepeatAsync(HttpContext http, TContext db, IProblemDetailsService problems, string caller, string key, string hash)
    {
        var first = await db.Set<IdempotentRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Caller == caller && r.Key == key, http.RequestAborted);
        if (first is null || first.RequestHash != hash)
        {
            await WriteProblemAsync(http, problems, StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                "This Idempotency-Key was used with a different request; use a new key for a new request.");
            return;
        }

        if (first.CompletedAt is null)
        {
            http.Response.Headers.RetryAfter = "1";
            await WriteProblemAsync(http, problems, StatusCodes.Status409Conflict, "idempotency_request_in_progress",
                "The first request with this Idempotency-Key is still running; retry shortly.");
            return;
        }

        http.Response.StatusCode = first.ResponseStatus!.Value;
        http.Response.Headers["Idempotency-Replayed"] = "true";
        if (first.ResponseLocation is { } location)
        {
            http.Response.Headers.Location = location;
        }

        if (first.ResponseContentType is { } contentType)
        {
            http.Response.ContentType = contentType;
        }

        if (first.ResponseBody is { Length: > 0 } body)
        {
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }

    /// <summary>The request's identity: method, path, query and body, so a key reused for anything else is caught.</summary>
    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Whose keys these are, at most the column's 255 characters (a long subject is hashed with the rest).</summary>
    private static string Scope(Caller caller)
    {
        var scope = $"{caller.Role}|{caller.OrganizationId}|{caller.Id}";
        return scope.Length <= 255 ? scope : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope)));
    }

    private static async Task WriteProblemAsync(HttpContext http, IProblemDetailsService problems, int status, string code, string detail)
    {
        http.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail, Extensions = { ["code"] = code } },
        });
    }
}
