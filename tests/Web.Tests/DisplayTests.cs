namespace MicroInternships.Web.Tests;

public sealed class DisplayTests
{
    private static readonly TimeZoneInfo _pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Theory]
    [InlineData(80000, "$800.00")]
    [InlineData(1605, "$16.05")]
    [InlineData(0, "$0.00")]
    public void Money_reads_from_minor_units(long cents, string expected) => Assert.Equal(expected, Display.Money(cents));

    [Fact]
    public void A_time_is_shown_in_the_zone_given_with_its_name()
    {
        var keynote = new DateTimeOffset(2027, 1, 20, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal("Wed 20 Jan 2027, 8:30 AM Pacific Standard Time", Display.When(keynote, _pacific));
        Assert.Equal("Wed 20 Jan 2027, 4:30 PM UTC", Display.When(keynote, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Summer_times_name_daylight_time() =>
        Assert.EndsWith("Pacific Daylight Time", Display.When(new DateTimeOffset(2027, 7, 1, 18, 0, 0, TimeSpan.Zero), _pacific));

    [Theory]
    [InlineData("revision_requested", "Revision requested")]
    [InlineData("early_bird", "Early bird")]
    [InlineData("", "")]
    public void Wire_names_read_as_words(string wireName, string expected) => Assert.Equal(expected, Display.Words(wireName));

    [Fact]
    public void An_unknown_zone_falls_back_to_utc_rather_than_failing() => Assert.Equal(TimeZoneInfo.Utc, SiteClock.Zone("Mars/Olympus_Mons"));
}
