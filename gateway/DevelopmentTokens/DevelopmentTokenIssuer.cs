using MicroInternships.ServiceDefaults.Identity;
using Microsoft.Extensions.Options;

namespace MicroInternships.Gateway.DevelopmentTokens;

/// <summary>Signs tokens with the development key; registered only in Development.</summary>
public sealed class DevelopmentTokenIssuer(IOptions<IdentityOptions> options, TimeProvider clock)
{
    public DevelopmentTokenResponse Issue(string subject, string role, string? name, string? email, string? organization)
    {
        var identity = options.Value;
        var token = DevelopmentTokenFactory.Create(identity, clock.GetUtcNow(), subject, role, name, email, organization);
        return new DevelopmentTokenResponse(token, (int)identity.DevelopmentTokenLifetime.TotalSeconds);
    }
}
