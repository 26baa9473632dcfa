namespace MicroInternships.Listings.SampleData;

/// <summary>Section <c>SampleData</c>: whether a Development start fills an empty database with the sample program.</summary>
public sealed class SampleDataOptions
{
    public const string SectionName = "SampleData";

    public bool Enabled { get; set; }
}
