using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MicroInternships.ServiceDefaults.OpenApi;

/// <summary>A tag of the API description with what its operations are about, for the document's tag list.</summary>
public sealed record ApiTagDescription(string Name, string Description);

public static class ApiTags
{
    public static TBuilder WithTag<TBuilder>(this TBuilder builder, string name, string description) where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags(name).WithMetadata(new ApiTagDescription(name, description));
}
