using Asp.Versioning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.ServiceDefaults.Api;

/// <summary>
/// Today's API is v1. Every route answers at its canonical path, <c>/api/...</c>, which the API description lists and
/// every link the platform hands out uses, and the same at <c>/api/v1/...</c>, for clients that name the version
/// they were written against. Answers say which versions exist (<c>api-supported-versions</c>). How v2 will arrive
/// beside v1 is in docs/api.md, "Versioning".
/// </summary>
public static class ApiVersions
{
    public static readonly ApiVersion V1 = new(1);

    public static IServiceCollection AddApiVersions(this IServiceCollection services)
    {
        services.AddApiVersioning(options =>
        {
            options.DefaultApiVersion = V1;
            options.AssumeDefaultVersionWhenUnspecified = true;
            options.ReportApiVersions = true;
            options.ApiVersionReader = new UrlSegmentApiVersionReader();
        });
        return services;
    }

    /// <summary>Maps <paramref name="map"/>'s routes (relative to <c>/api</c>) at <c>/api/...</c> and at <c>/api/v1/...</c>.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app, Action<IEndpointRouteBuilder> map)
    {
        var api = app.NewVersionedApi();
        map(api.MapGroup("/api").HasApiVersion(V1).AddEndpointFilter<RepresentationTags>());

        var versioned = api.MapGroup("/api/v{version:apiVersion}").HasApiVersion(V1).AddEndpointFilter<RepresentationTags>();
        ((IEndpointConventionBuilder)versioned).Finally(AsAliasOfTheCanonicalRoute);
        map(versioned);
        return app;
    }

    /// <summary>The same operation as its canonical route: not described twice, and not a second owner of its name.</summary>
    private static void AsAliasOfTheCanonicalRoute(EndpointBuilder endpoint)
    {
        foreach (var name in endpoint.Metadata.Where(item => item is IEndpointNameMetadata or IRouteNameMetadata).ToList())
        {
            endpoint.Metadata.Remove(name);
        }

        endpoint.Metadata.Add(new ExcludeFromDescriptionAttribute());
    }
}
