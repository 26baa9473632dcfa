namespace MicroInternships.ServiceDefaults.Api;

/// <summary>A resource's representation that carries the version its edits are checked against (<c>If-Match</c>).</summary>
public interface IVersioned
{
    long Version { get; }
}
