using MicroInternships.Notifications.Data;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Notifications.Consumers.Directory;

internal static class DirectoryEntries
{
    /// <summary>
    /// The entry with key <paramref name="id"/>, locked for this transaction; one this batch already holds or added; or
    /// a new one, added.
    /// </summary>
    public static async Task<T> EntryAsync<T>(this NotificationsDbContext db, Guid id, Func<Guid, T> create, CancellationToken cancellationToken)
        where T : class
    {
        var entry = db.ChangeTracker.Entries<T>().FirstOrDefault(e => e.Property<Guid>("Id").CurrentValue == id)?.Entity
            ?? await db.LockAsync<T>(id, cancellationToken);
        if (entry is null)
        {
            entry = create(id);
            db.Add(entry);
        }

        return entry;
    }
}
