namespace MicroInternships.Contracts.Events;

/// <summary>One session of the agenda. <see cref="Kind"/> is a wire value (<c>presentation</c>, <c>working_session</c>...).</summary>
public sealed record EventSessionSnapshot(Guid SessionId, string Title, string Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Room);
