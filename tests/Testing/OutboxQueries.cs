namespace MicroInternships.Testing;

public static class OutboxQueries
{
    /// <summary>
    /// The versions the integration events of <typeparamref name="TEvent"/> in the service's outbox carried about one
    /// aggregate, in version order: <paramref name="snapshot"/> names the event's snapshot field (none when the version
    /// and id are the event's own fields) and <paramref name="idField"/> the aggregate's id in it.
    /// </summary>
    public static async Task<string[]> OutboxVersionsAsync<TEvent>(this PostgresDatabase database, string? snapshot, string idField, Guid id)
    {
        var path = snapshot is null ? "payload" : $"payload->'{snapshot}'";
        var versions = await database.ScalarAsync<string>(
            $"SELECT string_agg({path}->>'version', ',' ORDER BY ({path}->>'version')::bigint) FROM outbox_messages " +
            $"WHERE message_type LIKE '{typeof(TEvent).FullName},%' AND {path}->>'{idField}' = '{id}'");
        return versions?.Split(',') ?? [];
    }
}
