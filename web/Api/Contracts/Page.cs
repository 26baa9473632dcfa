namespace MicroInternships.Web.Api.Contracts;

/// <summary>One page of a keyset-paged list; pass <c>NextCursor</c> as <c>?cursor=</c> for the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
