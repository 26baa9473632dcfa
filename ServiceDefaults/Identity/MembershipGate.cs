using MicroInternships.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MicroInternships.ServiceDefaults.Identity;

/// <summary>
/// A partner acts for the organization in their token's <c>org</c> claim only while they are an active member of it:
/// every request of a partner is checked against <see cref="IOrganizationMemberships"/> (a primary-key read) before any
/// endpoint runs, so a coordinator's removal takes effect on the next call, in every service, whatever the token says.
/// </summary>
public static class MembershipGate
{
    public static IApplicationBuilder UseMembershipGate(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var allowUnknown = services.GetRequiredService<IOptions<MembershipOptions>>().Value.AllowUnknownMembers
            ?? services.GetRequiredService<IHostEnvironment>().IsDevelopment();
        return app.Use(async (context, next) =>
        {
            if (context.User.FindFirst(ClaimNames.Role)?.Value == Roles.Partner
                && context.User.FindFirst(ClaimNames.Subject)?.Value is { } subject
                && Guid.TryParse(context.User.FindFirst(ClaimNames.Organization)?.Value, out var organization)
                && context.RequestServices.GetService<IOrganizationMemberships>() is { } memberships)
            {
                var standing = await memberships.StandingAsync(organization, subject, context.RequestAborted);
                if (standing == MemberStanding.Removed)
                {
                    throw DomainRuleException.Forbidden("membership_removed", "You were removed from this organization: ask a coordinator if that is a mistake.");
                }

                if (standing == MemberStanding.Unknown && !allowUnknown)
                {
                    throw DomainRuleException.Forbidden("not_a_member", "You are not a member of the organization your token names: accept an invitation first.");
                }
            }

            await next(context);
        });
    }
}
