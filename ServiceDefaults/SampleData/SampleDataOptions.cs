namespace MicroInternships.ServiceDefaults.SampleData;

/// <summary>Section <c>SampleData</c>: whether a Development start fills an empty database with its service's part of the sample program.</summary>
public sealed class SampleDataOptions
{
    public const string SectionName = "SampleData";

    public bool Enabled { get; set; }
}
