using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.ServiceDefaults.Api;

/// <summary>An entity listed newest first, the contract's default order: <c>createdAt desc, id desc</c>.</summary>
public interface ICreatedInOrder
{
    Guid Id { get; }

    DateTimeOffset CreatedAt { get; }
}

public static class NewestFirst
{
    /// <summary>One keyset page of <paramref name="query"/>, after the item the cursor names, mapped in memory.</summary>
    public static async Task<Page<TDto>> ToPageAsync<T, TDto>(
        this IQueryable<T> query, int? limit, string? cursor, Func<T, TDto> toDto, CancellationToken cancellationToken)
        where T : class, ICreatedInOrder
    {
        var take = PageRequest.Limit(limit);
        var page = await Ordered(query, cursor).Take(take + 1).ToListAsync(cancellationToken);
        return new Page<TDto>(page.Take(take).Select(toDto).ToList(), NextCursor(page, take));
    }

    /// <summary>The same page, projected by PostgreSQL: only the columns <paramref name="projection"/> reads leave the database.</summary>
    public static async Task<Page<TDto>> ToProjectedPageAsync<T, TDto>(
        this IQueryable<T> query, int? limit, string? cursor, Expression<Func<T, TDto>> projection, CancellationToken cancellationToken)
        where T : class, ICreatedInOrder
        where TDto : ICreatedInOrder
    {
        var take = PageRequest.Limit(limit);
        var page = await Ordered(query, cursor).Take(take + 1).Select(projection).ToListAsync(cancellationToken);
        return new Page<TDto>(page.Take(take).ToList(), NextCursor(page, take));
    }

    private static IQueryable<T> Ordered<T>(IQueryable<T> query, string? cursor) where T : ICreatedInOrder
    {
        if (PageRequest.DecodeNewestFirst(cursor) is var (createdAt, id))
        {
            query = query.Where(e => e.CreatedAt < createdAt || (e.CreatedAt == createdAt && e.Id.CompareTo(id) < 0));
        }

        return query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id);
    }

    private static string? NextCursor<T>(List<T> page, int take) where T : ICreatedInOrder =>
        page.Count > take ? PageRequest.EncodeNewestFirst(page[take - 1].CreatedAt, page[take - 1].Id) : null;
}
