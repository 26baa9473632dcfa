namespace MicroInternships.Testing;

public static class OutboxQueries
{
    /// <summary>
    /// The versions the integration events of <typeparamref name="TEvent"/> in the service's outbox carried about one
    /// aggregate, in version order: <paramref name="snapshot"/> names the event's snapshot field (none when the version
    /// and id are the event's own fields) and <paramref name="idField"/> the aggregate's id in it.
    /// </summary>
    public static Task<string[]> OutboxVersionsAsync<TEvent>(this PostgresDatabase database, string? snapshot, string idField, Guid id) =>
        database.OutboxSequenceAsync(snapshot, idField, id, eventType: typeof(TEvent));

    /// <summary>
    /// Every event in the service's outbox about one aggregate (of <paramref name="eventType"/> only, if given), in
    /// version order, each as its version or, with <paramref name="label"/> (a SQL expression over the row), as
    /// <c>label:version</c>.
    /// </summary>
    public static async Task<string[]> OutboxSequenceAsync(
        this PostgresDatabase database, string? snapshot, string idField, Guid id, string? label = null, Type? eventType = null)
    {
        var path = snapshot is null ? "payload" : $"payload->'{snapshot}'";
        var version = $"{path}->>'version'";
        var shown = label is null ? version : $"{label} || ':' || ({version})";
        var ofType = eventType is null ? "" : $"message_type LIKE '{eventType.FullName},%' AND ";
        var sequence = await database.ScalarAsync<string>(
            $"SELECT string_agg({shown}, ',' ORDER BY ({version})::bigint) FROM outbox_messages WHERE {ofType}{path}->>'{idField}' = '{id}'");
        return sequence?.Split(',') ?? [];
    }
}
