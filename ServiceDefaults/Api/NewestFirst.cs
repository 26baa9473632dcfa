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
    /// <summary>One keyset page of <paramref name="query"/>, after the item the cursor names.</summary>
    public static async Task<Page<TDto>> ToPageAsync<T, TDto>(
        this IQueryable<T> query, int? limit, string? cursor, Func<T, TDto> toDto, CancellationToken cancellationToken)
        where T : class, ICreatedInOrder
    {
        var take = PageRequest.Limit(limit);
        if (PageRequest.DecodeNewestFirst(cursor) is var (createdAt, id))
        {
            query = query.Where(e => e.CreatedAt < createdAt || (e.CreatedAt == createdAt && e.Id.CompareTo(id) < 0));
        }

        var page = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(take + 1).ToListAsync(cancellationToken);
        var next = page.Count > take ? PageRequest.EncodeNewestFirst(page[take - 1].CreatedAt, page[take - 1].Id) : null;
        return new Page<TDto>(page.Take(take).Select(toDto).ToList(), next);
    }
}
