using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace MicroInternships.ServiceDefaults.Data;

/// <summary>How strongly a row is locked until the transaction ends (PostgreSQL's row-level lock modes).</summary>
public enum RowLock
{
    /// <summary><c>FOR UPDATE</c>: the row will change or be deleted; everyone else waits.</summary>
    Update,

    /// <summary><c>FOR NO KEY UPDATE</c>: the row will change but not its key; rows that reference it may still be inserted.</summary>
    NoKeyUpdate,
}

/// <summary>
/// One way to lock a row: by the entity's key or by some of its properties, with the table and column names read from
/// the EF model, so no query spells them out. Call inside a transaction; the lock lasts until it ends.
/// </summary>
public static class RowLocks
{
    /// <summary>The entity whose key is <paramref name="id"/>, its row locked, or null when there is none.</summary>
    public static Task<T?> LockAsync<T>(this DbContext db, Guid id, CancellationToken cancellationToken, RowLock mode = RowLock.Update)
        where T : class =>
        db.Locked<T>(mode, (KeyProperty<T>(db), id)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The rows of <typeparamref name="T"/> whose properties equal the values given, locked as they are read (compose
    /// with <c>Include</c> or <c>FirstOrDefaultAsync</c>).
    /// </summary>
    public static IQueryable<T> Locked<T>(this DbContext db, RowLock mode, params (Expression<Func<T, object?>> Property, object Value)[] equal)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var conditions = equal.Select((condition, i) =>
        {
            var property = entity.FindProperty(PropertyName(condition.Property))
                ?? throw new InvalidOperationException($"{typeof(T).Name} has no mapped property {PropertyName(condition.Property)}.");
            return $"\"{property.GetColumnName(table)}\" = {{{i}}}";
        });
        var locking = mode == RowLock.Update ? "FOR UPDATE" : "FOR NO KEY UPDATE";
        var from = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
        var sql = $"SELECT * FROM {from} WHERE {string.Join(" AND ", conditions)} {locking}";
        return db.Set<T>().FromSqlRaw(sql, equal.Select(condition => condition.Value).ToArray());
    }

    /// <summary>Locks the row whose key is <paramref name="id"/> without reading it, before working on what depends on it.</summary>
    public static async Task LockRowAsync<T>(this DbContext db, Guid id, CancellationToken cancellationToken, RowLock mode = RowLock.Update)
        where T : class =>
        await db.Locked<T>(mode, (KeyProperty<T>(db), id)).Select(_ => 1).FirstOrDefaultAsync(cancellationToken);

    private static Expression<Func<T, object?>> KeyProperty<T>(DbContext db) where T : class
    {
        var key = db.Model.FindEntityType(typeof(T))?.FindPrimaryKey()?.Properties is [var single] ? single
            : throw new InvalidOperationException($"{typeof(T).Name} has no single-column key; lock it by its properties.");
        var row = Expression.Parameter(typeof(T), "row");
        return Expression.Lambda<Func<T, object?>>(Expression.Convert(Expression.Property(row, key.Name), typeof(object)), row);
    }

    private static string PropertyName<T>(Expression<Func<T, object?>> property) => property.Body switch
    {
        MemberExpression member => member.Member.Name,
        UnaryExpression { Operand: MemberExpression member } => member.Member.Name,
        _ => throw new ArgumentException("Name a property, e.g. l => l.ListingId.", nameof(property)),
    };
}
