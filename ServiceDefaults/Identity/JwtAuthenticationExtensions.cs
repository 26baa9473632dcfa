using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.ServiceDefaults.Identity;

public static class JwtAuthenticationExtensions
{
    /// <summary>
    /// JWT bearer authentication for every process, and a fallback policy that makes every endpoint
    /// require a signed-in caller unless it says otherwise.
    /// </summary>
    public static TBuilder AddJwtAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection(IdentityOptions.SectionName);
        builder.Services.Configure<IdentityOptions>(section);
        var identity = section.Get<IdentityOptions>() ?? new IdentityOptions();

        var useAuthority = !string.IsNullOrWhiteSpace(identity.Authority);
        var developmentKey = !useAuthority && builder.Environment.IsDevelopment() && !string.IsNullOrWhiteSpace(identity.DevelopmentSigningKey)
            ? DevelopmentSigningKey(identity)
            : null;
        if (!useAuthority && developmentKey is null)
        {
            throw new InvalidOperationException(
                "Identity:Authority must name the OIDC authority (Identity:DevelopmentSigningKey is honoured in Development only).");
        }

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Events = new ProblemDetailsJwtBearerEvents();
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = useAuthority ? null : identity.Issuer,
                    ValidAudience = identity.Audience,
                    NameClaimType = ClaimNames.Name,
                    RoleClaimType = ClaimNames.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                if (useAuthority)
                {
                    options.Authority = identity.Authority;
                    options.Audience = identity.Audience;
                }
                else
                {
                    options.TokenValidationParameters.IssuerSigningKey = developmentKey;
                }
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, RoleRuleRefusals>();
        return builder;
    }

    public static SymmetricSecurityKey DevelopmentSigningKey(IdentityOptions identity)
    {
        var bytes = Encoding.UTF8.GetBytes(identity.DevelopmentSigningKey ?? "");
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Identity:DevelopmentSigningKey must be at least 32 bytes long.");
        }

        return new SymmetricSecurityKey(bytes);
    }
}
