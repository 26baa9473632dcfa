using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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

        // Generated clients (Kiota) make a problem's detail the message of the exception they throw.
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(ApiProblem) && schema.Properties?.TryGetValue("detail", out var detail) == true && detail is OpenApiSchema text)
            {
                text.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                text.Extensions["x-ms-primary-error-message"] = new JsonNodeExtension(JsonValue.Create(true));
            }

            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            operation.Security = metadata.OfType<IAllowAnonymous>().Any()
                ? []
                : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];

            DescribeHeaders(operation, context);
            DescribeProblemCodes(operation, metadata);
            ShowRequestExample(operation, context);
            return Task.CompletedTask;
        });
    }

    /// <summary>The registered example of the operation's body type (<see cref="RequestExamples"/>), written as the API reads JSON.</summary>
    private static void ShowRequestExample(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var bodyType = context.Description.ParameterDescriptions.FirstOrDefault(parameter => parameter.Source == BindingSource.Body)?.Type;
        var example = context.ApplicationServices.GetServices<RequestExample>().FirstOrDefault(example => example.Body.GetType() == bodyType);
        if (example is null || operation.RequestBody?.Content is not { } content)
        {
            return;
        }

        var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        foreach (var media in content.Values)
        {
            media.Example = JsonSerializer.SerializeToNode(example.Body, bodyType!, json);
        }
    }

    /// <summary>
    /// Each problem response lists the codes it can carry, in words (its description) and for tools
    /// (<c>x-problem-codes</c>), with the reason a role rule gives where it has one.
    /// </summary>
    private static void DescribeProblemCodes(OpenApiOperation operation, IList<object> metadata)
    {
        var details = ProblemResponses.RoleRulesOf(metadata).Select(rule => (rule.Code, rule.Detail))
            .Concat(metadata.OfType<Refusal>().Where(refusal => refusal.Detail is not null).Select(refusal => (refusal.Code, Detail: refusal.Detail!)))
            .DistinctBy(pair => pair.Code)
            .ToDictionary(pair => pair.Code, pair => pair.Detail);
        foreach (var problem in metadata.OfType<ProblemCodes>())
        {
            if (operation.Responses?.TryGetValue(problem.Status.ToString(CultureInfo.InvariantCulture), out var declared) != true
                || declared is not OpenApiResponse response)
            {
                continue;
            }

            response.Description = $"{ReasonPhrases.GetReasonPhrase(problem.Status)}: "
                + string.Join(", ", problem.Codes.Select(code => details.TryGetValue(code, out var detail) ? $"`{code}` ({detail})" : $"`{code}`"));
            response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            response.Extensions["x-problem-codes"] = new JsonNodeExtension(new JsonArray([.. problem.Codes.Select(code => JsonValue.Create(code))]));
        }
    }

    /// <summary>The protocol's headers where they apply: idempotency keys, preconditions, validators, retry hints.</summary>
    private static void DescribeHeaders(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var method = context.Description.HttpMethod ?? "GET";
        var anonymous = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        var versioned = context.Description.SupportedResponseTypes.Any(type => type.Type is { } body && typeof(IVersioned).IsAssignableFrom(body));
        operation.Parameters ??= [];
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !anonymous)
        {
            operation.Parameters.Add(Header("Idempotency-Key",
                "Makes a retry safe: a repeat with the same key (kept 24 hours per caller) gets the first answer; the same key with another "
                + "request is 422, and one still in progress is 409 idempotency_request_in_progress."));
        }

        if (HttpMethods.IsPut(method))
        {
            operation.Parameters.Add(Header("If-Match", "The ETag of the version you read: if the resource changed since, the answer is 412 version_mismatch and nothing changes."));
        }

        if (HttpMethods.IsGet(method) && versioned)
        {
            operation.Parameters.Add(Header("If-None-Match", "The ETag of the representation you hold: 304 with no body while it is still current."));
            operation.Responses ??= [];
            operation.Responses["304"] = new OpenApiResponse { Description = "Not Modified: the representation named in If-None-Match is current." };
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse answer)
            {
                continue;
            }

            if (versioned && status is "200" or "201" or "304")
            {
                answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
                answer.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "\"{version}.{digest}\": the version for If-Match, and a digest of this representation for If-None-Match.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }

            if (status is "429" or "503")
            {
                answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
                answer.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }
        }
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
