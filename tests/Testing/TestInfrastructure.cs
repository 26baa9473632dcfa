namespace MicroInternships.Testing;

/// <summary>
/// The PostgreSQL server, RabbitMQ node and mail server the tests run against, started by <c>scripts/infra.sh</c>
/// (which <c>./test.sh</c> calls) and named by the same environment variables it prints.
/// </summary>
public static class TestInfrastructure
{
    public static string PostgresServer => Required("ConnectionStrings__Postgres");

    public static string Messaging => Required("ConnectionStrings__messaging");

    /// <summary>smtp4dev's web inbox and API; the services send to its SMTP port through <c>Smtp__Host</c> and <c>Smtp__Port</c>.</summary>
    public static string Smtp4dev => Required("SMTP4DEV_URL");

    public const string SigningKey = "tests-only-signing-key-0123456789abcdef";

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException(
            $"{name} is not set. Run the tests with ./test.sh, or start the servers with scripts/infra.sh start and eval \"$(scripts/infra.sh env)\".");
}
