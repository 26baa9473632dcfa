namespace MicroInternships.Web.Account;

/// <summary>The roles a token carries, as the API names them.</summary>
public static class Roles
{
    public const string Student = "student";
    public const string Faculty = "faculty";
    public const string Partner = "partner";
    public const string Coordinator = "coordinator";

    public static readonly IReadOnlyList<string> All = [Student, Faculty, Partner, Coordinator];
}
