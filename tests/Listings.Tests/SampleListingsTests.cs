using MicroInternships.Listings.SampleData;

namespace MicroInternships.Listings.Tests;

/// <summary>The development sample data's dates, without a database.</summary>
public sealed class SampleListingsTests
{
    /// <summary>Seeded on 10 October, the deadlines fall on both sides of the end of daylight saving time (1 November).</summary>
    [Fact]
    public void EverySampleDeadline_IsTheEndOfItsDayInTheProgramsTimeZone_AcrossADaylightSavingChange()
    {
        var seeded = new DateTimeOffset(2026, 10, 10, 17, 0, 0, TimeSpan.Zero);

        var deadlines = SampleListings.Listings(seeded)
            .Select(listing => TimeZoneInfo.ConvertTime(listing.Terms.ApplicationDeadline, SampleListings.ProgramTimeZone))
            .ToList();

        Assert.All(deadlines, local => Assert.Equal(new TimeSpan(23, 59, 59), local.TimeOfDay));
        Assert.Contains(deadlines, local => local.Offset == TimeSpan.FromHours(-7));
        Assert.Contains(deadlines, local => local.Offset == TimeSpan.FromHours(-8));
    }
}
