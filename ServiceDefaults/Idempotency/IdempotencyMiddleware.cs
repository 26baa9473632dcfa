using System.Data.Common;
using System.Runtime.ExceptionServices;
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
/// running; the same key with another request is 422. The key is claimed, the request runs and its answer is kept in
/// one transaction, so a request that fails (an exception, a 5xx, a lost database, a crash) leaves no key behind and
/// its retry runs; a repeat while the first still runs waits for it (up to <see cref="InProgressWait"/>, then 409).
/// Endpoints that commit their effect in a unit of work of their own (<see cref="CommitsOutsideTheRequestTransaction"/>)
/// have their key claimed in a transaction of its own before they run instead.
/// </summary>
public sealed class IdempotencyMiddleware<TContext>(RequestDelegate next) where TContext : DbContext
{
    public const string HeaderName = "Idempotency-Key";
    public static readonly TimeSpan InProgressWait = TimeSpan.FromSeconds(2);
    private const string BoundedWait = "SET LOCAL lock_timeout = '2s'";
    private const string LockNotAvailable = "55P03";
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

        var request = new KeyedRequest(Scope(Caller.From(http.User)), key, await HashRequestAsync(http.Request));
        if (http.GetEndpoint()?.Metadata.GetMetadata<CommitsOutsideTheRequestTransaction>() is not null)
        {
            await RunClaimedAheadAsync(http, db, problems, request);
        }
        else
        {
            await RunInOneTransactionAsync(http, db, problems, request);
        }
    }

    private async Task RunInOneTransactionAsync(HttpContext http, TContext db, IProblemDetailsService problems, KeyedRequest request)
    {
        CapturedAnswer? answer;
        try
        {
            // Only the claim is retried on a transient failure: once the endpoint has run, a failure rolls everything
            // back and is the client's to retry, with the same key.
            answer = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (!await TryClaimAsync(db, request, ct))
                {
                    await transaction.RollbackAsync(ct);
                    return null;
                }

                try
                {
                    var captured = await CaptureAsync(http);
                    if (captured.Status >= 500)
                    {
                        await transaction.RollbackAsync(CancellationToken.None);
                        return captured;
                    }

                    await KeepAsync(db, request, captured);
                    await transaction.CommitAsync(CancellationToken.None);
                    return captured;
                }
                catch (Exception failure)
                {
                    throw new RequestFailed(failure);
                }
            }, http.RequestAborted);
        }
        catch (RequestFailed failed)
        {
            ExceptionDispatchInfo.Capture(failed.InnerException!).Throw();
            throw;
        }

        if (answer is null)
        {
            await AnswerRepeatAsync(http, db, problems, request);
            return;
        }

        await answer.WriteBodyAsync(http);
    }

    /// <returns>False when the key is taken: by a committed request, or by one still running after <see cref="InProgressWait"/>.</returns>
    private static async Task<bool> TryClaimAsync(TContext db, KeyedRequest request, CancellationToken cancellationToken)
    {
        // A repeat's insert waits on the first request's uncommitted row: it finds the key taken once that commits, or
        // claims it if that rolls back. The wait is bounded; the caller rolls back after a timeout.
        await db.Database.ExecuteSqlRawAsync(BoundedWait, cancellationToken);
        try
        {
            var claimed = await ClaimAsync(db, request, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = DEFAULT", cancellationToken);
            return claimed;
        }
        catch (DbException timedOut) when (timedOut.SqlState == LockNotAvailable)
        {
            return false;
        }
    }

    /// <summary>Forgets the key's use that expired, if any, and claims the key.</summary>
    /// <returns>False when the key is taken.</returns>
    private static async Task<bool> ClaimAsync(TContext db, KeyedRequest request, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await db.Database.ExecuteSqlAsync(
            $"DELETE FROM idempotent_requests WHERE caller = {request.Caller} AND key = {request.Key} AND created_at < {now - _retention}", cancellationToken);
        return await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotent_requests (caller, key, request_hash, created_at) VALUES ({request.Caller}, {request.Key}, {request.Hash}, {now})
            ON CONFLICT DO NOTHING
            """, cancellationToken) == 1;
    }

    /// <summary>For endpoints that commit elsewhere: claim the key in its own transaction, run, keep the answer.</summary>
    private async Task RunClaimedAheadAsync(HttpContext http, TContext db, IProblemDetailsService problems, KeyedRequest request)
    {
        if (!await ClaimAsync(db, request, http.RequestAborted))
        {
            await AnswerRepeatAsync(http, db, problems, request);
            return;
        }

        CapturedAnswer answer;
        try
        {
            answer = await CaptureAsync(http);
        }
        catch
        {
            await ReleaseAsync(db, request);
            throw;
        }

        if (answer.Status >= 500)
        {
            await ReleaseAsync(db, request);
        }
        else
        {
            await KeepAsync(db, request, answer);
        }

        await answer.WriteBodyAsync(http);
    }

    private async Task<CapturedAnswer> CaptureAsync(HttpContext http)
    {
        var original = http.Response.Body;
        var captured = new MemoryStream();
        http.Response.Body = captured;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        return new CapturedAnswer(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.Location.ToString(), captured.ToArray());
    }

    private static Task KeepAsync(TContext db, KeyedRequest request, CapturedAnswer answer) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE idempotent_requests
            SET response_status = {answer.Status}, response_content_type = {answer.ContentType},
                response_location = {(answer.Location.Length == 0 ? null : answer.Location)}, response_body = {answer.Body}, completed_at = {DateTimeOffset.UtcNow}
            WHERE caller = {request.Caller} AND key = {request.Key}
            """, CancellationToken.None);

    private static Task ReleaseAsync(TContext db, KeyedRequest request) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM idempotent_requests WHERE caller = {request.Caller} AND key = {request.Key}", CancellationToken.None);

    /// <summary>The key is taken: replay the first request's answer, or say why not.</summary>
    private static async Task AnswerRepeatAsync(HttpContext http, TContext db, IProblemDetailsService problems, KeyedRequest request)
    {
        var first = await db.Set<IdempotentRequest>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Caller == request.Caller && r.Key == request.Key, http.RequestAborted);
        if (first is not null && first.RequestHash != request.Hash)
        {
            await WriteProblemAsync(http, problems, StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused",
                "This Idempotency-Key was used with a different request; use a new key for a new request.");
            return;
        }

        // Not committed yet (it is still running), or claimed ahead by an endpoint that commits elsewhere and not done.
        if (first?.CompletedAt is null)
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

    private sealed record KeyedRequest(string Caller, string Key, string Hash);

    /// <summary>What the endpoint answered, held back until its transaction has committed.</summary>
    private sealed record CapturedAnswer(int Status, string? ContentType, string Location, byte[] Body)
    {
        public Task WriteBodyAsync(HttpContext http) => http.Response.Body.WriteAsync(Body, http.RequestAborted).AsTask();
    }

    /// <summary>The endpoint ran and failed: never retried by the execution strategy, which would run it twice.</summary>
    private sealed class RequestFailed(Exception failure) : Exception(failure.Message, failure);
}
