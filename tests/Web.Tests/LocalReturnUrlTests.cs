using MicroInternships.Web.Account;

namespace MicroInternships.Web.Tests;

/// <summary>A sign-in (in Development, or through OpenID Connect) never sends the person to another site.</summary>
public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/\t/evil.example")] // /%09/evil.example once decoded: browsers drop the tab
    [InlineData("/\r\n/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("evil.example")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingButAPathOnThisSite_EndsOnTheHomePage(string? returnUrl) =>
        Assert.Equal("/", LocalReturnUrl.Of(returnUrl));

    [Theory]
    [InlineData("/")]
    [InlineData("/placements/0193b6a0-0000-7000-8000-000000000009")]
    [InlineData("/listings?q=data%20analysis&workMode=remote")]
    public void APathOnThisSite_IsKept(string returnUrl) =>
        Assert.Equal(returnUrl, LocalReturnUrl.Of(returnUrl));
}
