using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MicroInternships.ServiceDefaults.OpenApi;

/// <summary>A tag of the API description with what its operations are about, for the document's tag list.</summary>
public sealed record ApiTagDescription(string Name, string Description);

public static class ApiTags
{
    public static TBuilder WithTag<TBuilder>(this TBuilder builder, string name, string description) where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags(name).WithMetadata(new ApiTagDescription(name, description));

    /// <summary>
    /// Routes under <c>/api/public</c>, which the program's public site reads without a token: anonymous here, and
    /// limited per address at the gateway.
    /// </summary>
    public static TBuilder ForVisitors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithTag("Public", "What visitors who are not signed in may read: open projects, the Institute's agenda, the program's figures.")
            .AllowAnonymous();
}
