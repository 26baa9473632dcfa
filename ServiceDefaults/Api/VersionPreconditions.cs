using MicroInternships.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MicroInternships.ServiceDefaults.Api;

/// <summary>
/// Optimistic concurrency over HTTP. A resource's answers carry its version in their <c>ETag</c>
/// (<see cref="RepresentationTags"/>), and a request that replaces it may send that back in <c>If-Match</c>: if the
/// resource moved on since the caller read it, the answer is 412 <c>version_mismatch</c> and nothing changes, so two
/// editors never silently overwrite each other. Without <c>If-Match</c> the last write wins, as the contract has
/// always allowed. The edit is checked against the version the tag names, not the digest beside it: a read whose
/// linked courses changed still edits the same version.
/// </summary>
public static class VersionPreconditions
{
    /// <summary>Call with the version read under the lock (or concurrency token) that the change is applied under.</summary>
    public static void EnsureVersionMatches(this HttpContext http, long current, string resource)
    {
        var header = http.Request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags) || tags.Count == 0)
        {
            throw ValidationException.For("If-Match", "If-Match must be the ETag of the version you read, such as \"3\", or *.");
        }

        if (tags.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || (!candidate.IsWeak && RepresentationTags.VersionOf(candidate) == current)))
        {
            return;
        }

        throw new ApiException(StatusCodes.Status412PreconditionFailed, "version_mismatch",
            $"The {resource} changed since you read it (it is at version {current} now); read it again and apply your change to that.");
    }
}
