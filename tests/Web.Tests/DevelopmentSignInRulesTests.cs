using MicroInternships.Web.Account;

namespace MicroInternships.Web.Tests;

public sealed class DevelopmentSignInRulesTests
{
    [Fact]
    public void A_partner_needs_the_id_of_their_organization() =>
        Assert.Equal("A partner signs in for an organization: enter its id.",
            DevelopmentSignInRules.Check(new DevelopmentSignInForm { Sub = "p-1", Role = Roles.Partner, Org = "Cascade" }));

    [Fact]
    public void An_unknown_role_is_refused() =>
        Assert.NotNull(DevelopmentSignInRules.Check(new DevelopmentSignInForm { Sub = "x", Role = "admin" }));

    [Fact]
    public void A_blank_user_id_is_refused() =>
        Assert.Equal("Enter a user id.", DevelopmentSignInRules.Check(new DevelopmentSignInForm { Sub = "  ", Role = Roles.Student }));

    [Fact]
    public void A_student_with_an_id_may_sign_in() =>
        Assert.Null(DevelopmentSignInRules.Check(new DevelopmentSignInForm { Sub = "s-1", Role = Roles.Student }));
}
