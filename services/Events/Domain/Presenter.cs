namespace MicroInternships.Events.Domain;

/// <summary>Who presents a session, by the name the program knows them by and the part they take (student, faculty, partner or staff).</summary>
public sealed record Presenter(string Name, Audience Role);
