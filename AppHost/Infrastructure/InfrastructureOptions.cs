namespace MicroInternships.AppHost.Infrastructure;

/// <summary>Section <c>Infrastructure</c> of the AppHost's configuration.</summary>
public sealed class InfrastructureOptions
{
    public const string SectionName = "Infrastructure";

    public InfrastructureMode Mode { get; set; } = InfrastructureMode.Auto;

    /// <summary>Where local servers keep their data between runs; a per-user folder by default.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The port of the RabbitMQ management UI in local mode; none when unset.</summary>
    public int? RabbitMqManagementPort { get; set; }

    public string ResolveDataDirectory()
    {
        if (!string.IsNullOrWhiteSpace(DataDirectory))
        {
            return Path.GetFullPath(DataDirectory);
        }

        // PostgreSQL runs as the postgres user, which cannot enter root's home folder.
        return Environment.UserName == "root"
            ? "/var/lib/micro-internships"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "micro-internships");
    }
}
