using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Calendar;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.Json;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>What each HTTP API service adds beyond the defaults: problem details for every error and its OpenAPI document.</summary>
public static class ApiDefaultsExtensions
{
    public static TBuilder AddApiDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.ConfigureHttpJsonOptions(options => ApiJsonOptions.Apply(options.SerializerOptions));

        // Unreadable parameters raise an exception in every environment, so they get the same problem details.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.Services.AddProgramCalendar();
        builder.Services.AddApiVersions();
        builder.Services.Configure<MembershipOptions>(builder.Configuration.GetSection(MembershipOptions.SectionName));

        builder.Services.AddOpenApi(options => ApiDescriptionTransformers.Describe(options, ServiceName(builder.Environment.ApplicationName)));
        return builder;
    }

    /// <summary><c>MicroInternships.Listings</c> is the Listings service.</summary>
    private static string ServiceName(string applicationName) => applicationName.Split('.').Last();

    public static WebApplication UseApiDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Explicit, so middleware a service adds after this (idempotency keys) already knows the caller.
        app.UseAuthentication();
        app.UseMembershipGate();
        app.UsePrivateReads();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapDefaultEndpoints();
        return app;
    }
}
