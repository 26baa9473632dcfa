namespace MicroInternships.AppHost.Infrastructure;

public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, local servers otherwise.</summary>
    Auto,

    /// <summary>Aspire's PostgreSQL and RabbitMQ containers.</summary>
    Containers,

    /// <summary>The locally installed PostgreSQL and RabbitMQ binaries, started as executables.</summary>
    Local,
}
