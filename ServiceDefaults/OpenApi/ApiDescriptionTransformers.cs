using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MicroInternships.ServiceDefaults.OpenApi;

/// <summary>
/// What the generated document cannot know by itself: who the API is, where it is served (the gateway, at the origin
/// the document came from), how callers authenticate, which operations need no token, and what each refusal means.
/// </summary>
internal static class ApiDescriptionTransformers
{
    public const string BearerScheme = "bearer";

    public static void Describe(OpenApiOptions options, string serviceName)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = $"Micro-Internships {serviceName} API",
                Version = "v1",
                Description = $"The {serviceName} service of the Micro-Internships platform, reached through the gateway. "
                    + "Errors are RFC 9457 problem details with a stable `code`; lists are keyset pages (`limit`, `cursor`); "
                    + "creating requests and actions accept an `Idempotency-Key`. See docs/api.md.",
                License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-MicroInternships" },
            };
            var tagDescriptions = context.DescriptionGroups.SelectMany(group => group.Items)
                .SelectMany(description => description.ActionDescriptor.EndpointMetadata.OfType<ApiTagDescription>())
                .DistinctBy(tag => tag.Name)
                .ToDictionary(tag => tag.Name, tag => tag.Description);
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            {
                if (tag.Name is { } name && tagDescriptions.TryGetValue(name, out var description))
                {
                    tag.Description = description;
                }
            }

            document.Servers = [new OpenApiServer { Url = "/", Description = "The gateway, at the origin this document was fetched from" }];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from the university's identity provider (OpenID Connect); in Development, from `POST /dev/token` at the gateway.",
            };
            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            operation.Security = metadata.OfType<IAllowAnonymous>().Any()
                ? []
                : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];

            var rules = ProblemResponses.RoleRulesOf(metadata).ToList();
            if (rules.Count > 0 && operation.Responses?.TryGetValue("403", out var forbidden) == true && forbidden is OpenApiResponse response)
            {
                response.Description = "Forbidden: " + string.Join("; ", rules.Select(rule => $"`{rule.Code}` ({rule.Detail})"));
            }

            return Task.CompletedTask;
        });
    }
}
