namespace MicroInternships.Web.Account;

/// <summary>What the development sign-in form needs before the gateway is asked for a token.</summary>
public static class DevelopmentSignInRules
{
    public static string? Check(DevelopmentSignInForm form)
    {
        if (string.IsNullOrWhiteSpace(form.Sub))
        {
            return "Enter a user id.";
        }

        if (form.Role is null || !Roles.All.Contains(form.Role))
        {
            return "Choose a role: student, faculty, partner or coordinator.";
        }

        if (form.Role == Roles.Partner && !Guid.TryParse(form.Org, out _))
        {
            return "A partner signs in for an organization: enter its id.";
        }

        return null;
    }
}
