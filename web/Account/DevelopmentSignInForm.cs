namespace MicroInternships.Web.Account;

/// <summary>What the development sign-in form posts.</summary>
public sealed class DevelopmentSignInForm
{
    public string? Sub { get; set; }
    public string? Role { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Org { get; set; }
    public string? ReturnUrl { get; set; }
}
