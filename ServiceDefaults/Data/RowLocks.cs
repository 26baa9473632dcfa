using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MicroInternships.ServiceDefaults.Data;

/// <summary>How strongly a row is locked until the transaction ends (PostgreSQL's row-level lock modes).</summary>
public enum RowLock
{
    /// <summary><c>FOR UPDATE</c>: the row will change or be deleted; everyone else waits.</summary>
    Update,

    /// <summary><c>FOR NO KEY UPDATE</c>: the row will change but not its key; rows that reference it may still be inserted.</summary>
    NoKeyUpdate,

    /// <summary>
    /// <c>FOR KEY SHARE</c>: the row is only read, to write something that depends on it; it waits for (and holds back)
    /// <see cref="Update"/> lockers only, not <see cref="NoKeyUpdate"/> ones.
    /// </summary>
    KeyShare,
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
        if (equal.Length == 0)
        {
            throw new ArgumentException("Name at least one property to find the rows by.", nameof(equal));
        }

        var (entity, table, sql) = MappingOf<T>(db);
        var properties = equal.Select(condition => entity.FindProperty(PropertyName(condition.Property))
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no mapped property {PropertyName(condition.Property)}.")).ToList();
        var conditions = properties.Select((property, i) => $"{sql.DelimitIdentifier(property.GetColumnName(table)!)} = {{{i}}}");
        // Values go to the database as the model stores them (an enum as its name, say), through the property's converter.
        var values = properties.Select((property, i) => property.GetTypeMapping().Converter?.ConvertToProvider(equal[i].Value) ?? equal[i].Value).ToArray();
        // Only names from the model go into the text, delimited; every value is a parameter.
        var query = $"SELECT * FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {string.Join(" AND ", conditions)} {Locking(mode)}";
        return db.Set<T>().FromSqlRaw(query, values);
    }

    /// <summary>
    /// The entities whose keys are among <paramref name="ids"/>, their rows locked in key order in one statement: two
    /// transactions locking overlapping sets this way wait for each other instead of deadlocking.
    /// </summary>
    public static Task<List<T>> LockAllAsync<T>(this DbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken, RowLock mode = RowLock.Update)
        where T : class
    {
        var (entity, table, sql) = MappingOf<T>(db);
        var key = sql.DelimitIdentifier(entity.FindPrimaryKey()!.Properties.Single().GetColumnName(table)!);
        var query = $"SELECT * FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {key} = ANY({{0}}) ORDER BY {key} {Locking(mode)}";
        return db.Set<T>().FromSqlRaw(query, ids.ToArray()).ToListAsync(cancellationToken);
    }

    /// <summary>Locks the row whose key is <paramref name="id"/> without reading it, before working on what depends on it.</summary>
    public static async Task LockRowAsync<T>(this DbContext db, Guid id, CancellationToken cancellationToken, RowLock mode = RowLock.Update)
        where T : class =>
        await db.Locked<T>(mode, (KeyProperty<T>(db), id)).Select(_ => 1).FirstOrDefaultAsync(cancellationToken);

    private static (IEntityType Entity, StoreObjectIdentifier Table, ISqlGenerationHelper Sql) MappingOf<T>(DbContext db) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(
            entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table."), entity.GetSchema());
        return (entity, table, db.GetService<ISqlGenerationHelper>());
    }

    private static string Locking(RowLock mode) => mode switch
    {
        RowLock.Update => "FOR UPDATE",
        RowLock.NoKeyUpdate => "FOR NO KEY UPDATE",
        _ => "FOR KEY SHARE",
    };

    private static Expression<Func<T, object?>> KeyProperty<T>(DbContext db) where T : class
    {
        var key = db.Model.FindEntityType(typeof(T))?.FindPrimaryKey()?.Properties is [var single] ? single
            : throw new InvalidOperationException($"{typeof(T).Name} has no single-column key; lock it by its properties.");
        var row = Expression.Parameter(typeof(T), "row");
        return Expression.Lambda<Func<T, object?>>(Expression.Convert(Expression.Property(row, key.Name), typeof(object)), row);
    }

    /// <summary>The property the expression names on the row itself (<c>l => l.ListingId</c>), never one further down.</summary>
    private static string PropertyName<T>(Expression<Func<T, object?>> property) => property.Body switch
    {
        MemberExpression { Expression: ParameterExpression } member => member.Member.Name,
        UnaryExpression { Operand: MemberExpression { Expression: ParameterExpression } member } => member.Member.Name,
        _ => throw new ArgumentException("Name a property of the row itself, e.g. l => l.ListingId.", nameof(property)),
    };
}
