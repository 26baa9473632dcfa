using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MicroInternships.ServiceDefaults.Api;

/// <summary>
/// The <c>ETag</c> of a versioned resource's answer: <c>"{version}.{digest}"</c>, the version its edits are checked
/// against (<c>If-Match</c>, <see cref="VersionPreconditions"/>) and a digest of the representation itself. The version
/// alone does not cover everything a read shows (a listing's linked courses, a registration's place in line, a
/// placement's payment status copied from Payments), so a read that answered 304 on the version would go stale; the
/// digest changes with anything shown. A GET whose <c>If-None-Match</c> names the current tag is 304, with no body.
/// </summary>
public sealed class RepresentationTags : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (result is not IValueHttpResult { Value: IVersioned resource } || result is IStatusCodeHttpResult { StatusCode: >= 300 })
        {
            return result;
        }

        var http = context.HttpContext;
        var tag = TagOf(resource, http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        http.Response.Headers.ETag = tag.ToString();
        if (HttpMethods.IsGet(http.Request.Method) && Matches(http.Request.Headers.IfNoneMatch, tag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return result;
    }

    /// <summary>The version a tag of this shape names: <c>"3.9f86d081"</c> and <c>"3"</c> are both version 3.</summary>
    public static long? VersionOf(EntityTagHeaderValue tag)
    {
        var opaque = tag.Tag.AsSpan().Trim('"');
        var dot = opaque.IndexOf('.');
        return long.TryParse(dot < 0 ? opaque : opaque[..dot], out var version) ? version : null;
    }

    private static EntityTagHeaderValue TagOf(IVersioned resource, JsonSerializerOptions options)
    {
        var digest = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(resource, resource.GetType(), options));
        return new EntityTagHeaderValue($"\"{resource.Version}.{Convert.ToHexStringLower(digest.AsSpan(0, 8))}\"");
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, EntityTagHeaderValue current) =>
        ifNoneMatch.Count > 0
        && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
}
