namespace MicroInternships.Contracts.Events;

/// <summary>
/// One session of the agenda. <see cref="Kind"/> is a wire value (<c>presentation</c>, <c>working_session</c>,
/// <c>reflections</c>, <c>one_on_one</c>, <c>reflection_talk</c>); <see cref="Presenters"/> is null, and
/// <see cref="Capacity"/> too, in an event logged before they travelled; a null capacity means open to everyone.
/// </summary>
public sealed record EventSessionSnapshot(
    Guid SessionId, string Title, string Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Room,
    IReadOnlyList<EventPresenterSnapshot>? Presenters = null, int? Capacity = null);

/// <summary>A session's presenter: the name the program knows them by, and their part (<c>student</c>, <c>faculty</c>, <c>partner</c>, <c>staff</c>).</summary>
public sealed record EventPresenterSnapshot(string Name, string Role);
