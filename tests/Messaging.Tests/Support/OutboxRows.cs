using System.Text.Json;
using MicroInternships.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Messaging.Tests.Support;

/// <summary>
/// Outbox rows written straight to the table, as another process (a crashed one, a newer version) leaves them: no
/// relay here had them handed over, so only a claim can publish them.
/// </summary>
public static class OutboxRows
{
    public static Task<int> InsertAsync<TMessage>(
        DbContext db, IEnumerable<TMessage> messages, string? messageType = null, TimeSpan age = default, TimeSpan dueIn = default)
        where TMessage : class
    {
        var type = messageType ?? MessageTypeNames.NameOf(typeof(TMessage));
        var payloads = messages.Select(message => JsonSerializer.Serialize(message, JsonSerializerOptions.Web)).ToArray();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO outbox_messages (id, message_type, payload, attempts, created_at, available_at)
            SELECT gen_random_uuid(), {type}, payload::jsonb, 0, now() - {age}, now() + {dueIn} FROM unnest({payloads}) AS payload
            """);
    }
}
