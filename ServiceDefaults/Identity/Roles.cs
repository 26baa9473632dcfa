namespace MicroInternships.ServiceDefaults.Identity;

public static class Roles
{
    public const string Student = "student";
    public const string Faculty = "faculty";
    public const string Partner = "partner";
    public const string Coordinator = "coordinator";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Student, Faculty, Partner, Coordinator], StringComparer.Ordinal);
}
