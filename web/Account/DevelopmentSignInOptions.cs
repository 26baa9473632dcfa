namespace MicroInternships.Web.Account;

/// <summary>The people offered on the development "sign in as" page (<c>DevelopmentSignIn:Personas</c>).</summary>
public sealed class DevelopmentSignInOptions
{
    public List<Persona> Personas { get; set; } = [];

    public sealed class Persona
    {
        public string Sub { get; set; } = "";
        public string Role { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Email { get; set; }
        public string? Org { get; set; }
        public string? OrgName { get; set; }
    }
}
