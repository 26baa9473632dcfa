using MicroInternships.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Messaging.Memberships;

public static class MembershipRegistration
{
    /// <summary>The copy of Listings' memberships, in the DbContext of every service but Listings (<c>OnModelCreating</c>).</summary>
    public static ModelBuilder AddMemberCopies(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new MemberCopyConfiguration());

    /// <summary>
    /// Checks partners against the copy: the service also consumes <c>OrganizationMemberAdded</c> and
    /// <c>OrganizationMemberRemoved</c> (its own two consumers, which hand each snapshot to <see cref="MemberCopies{TContext}"/>).
    /// </summary>
    public static IServiceCollection AddMemberCopies<TContext>(this IServiceCollection services) where TContext : DbContext =>
        services.AddScoped<MemberCopies<TContext>>()
            .AddScoped<IOrganizationMemberships>(provider => provider.GetRequiredService<MemberCopies<TContext>>());
}
