namespace MicroInternships.Events.SampleData;

/// <summary><c>SampleData:Enabled</c>: load the Winter Institute sample events into an empty database (Development only).</summary>
public sealed class SampleDataOptions
{
    public const string SectionName = "SampleData";

    public bool Enabled { get; set; }
}
