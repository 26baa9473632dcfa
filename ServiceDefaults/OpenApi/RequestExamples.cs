using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.ServiceDefaults.OpenApi;

/// <summary>A request body as a client would send it, shown in the API description on every operation that takes its type.</summary>
public sealed record RequestExample(object Body);

public static class RequestExamples
{
    /// <summary>
    /// Registers one example per request type. A test fails for any operation whose body has none, and Redocly checks
    /// each against its schema, so the examples stay true as the types change.
    /// </summary>
    public static IServiceCollection AddRequestExamples(this IServiceCollection services, params object[] bodies)
    {
        foreach (var body in bodies)
        {
            services.AddSingleton(new RequestExample(body));
        }

        return services;
    }
}
