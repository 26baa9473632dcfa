using MicroInternships.Web.Components.Shared;

namespace MicroInternships.Web.Tests;

public sealed class FormValuesTests
{
    private static readonly TimeZoneInfo _pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Theory]
    [InlineData("250", 25000)]
    [InlineData("12.5", 1250)]
    [InlineData("12.50", 1250)]
    [InlineData("0.05", 5)]
    [InlineData("$1,250.50", 125050)]
    [InlineData(" 640 ", 64000)]
    public void Dollars_with_up_to_two_decimals_read_as_exact_cents(string typed, long expected)
    {
        Assert.Null(DollarInput.TryParseCents(typed, out var cents));
        Assert.Equal(expected, cents);
    }

    [Theory]
    [InlineData("12.505")]
    [InlineData("0.001")]
    public void More_than_two_decimals_are_refused_rather_than_rounded(string typed)
    {
        Assert.Equal("Use at most two decimals (whole cents).", DollarInput.TryParseCents(typed, out var cents));
        Assert.Equal(0, cents);
    }

    [Fact]
    public void A_negative_amount_is_read_only_where_the_page_allows_it()
    {
        Assert.NotNull(DollarInput.TryParseCents("-25.50", out _));
        Assert.Null(DollarInput.TryParseCents("-25.50", out var cents, allowNegative: true));
        Assert.Equal(-2550, cents);
        Assert.Null(DollarInput.TryParseCents("-$1,000", out cents, allowNegative: true));
        Assert.Equal(-100000, cents);
    }

    [Theory]
    [InlineData("twelve")]
    [InlineData("12,50")]
    [InlineData("1.2.3")]
    [InlineData("12 50")]
    [InlineData("1e3")]
    [InlineData("$")]
    public void Text_that_is_not_an_amount_is_refused(string typed) =>
        Assert.Equal("Enter an amount in dollars, e.g. 250 or 12.50.", DollarInput.TryParseCents(typed, out _));

    [Fact]
    public void A_blank_amount_is_zero_only_where_the_page_says_so()
    {
        Assert.NotNull(DollarInput.TryParseCents("  ", out _));
        Assert.Null(DollarInput.TryParseCents("  ", out var cents, blankIsZero: true));
        Assert.Equal(0, cents);
    }

    [Fact]
    public void Cents_are_shown_back_as_the_dollars_an_input_reads() =>
        Assert.Equal("1250.50", DollarInput.Format(125050));

    [Theory]
    [InlineData("2027-01-20T08:30", -8)]
    [InlineData("2027-07-01T08:30", -7)]
    public void A_wall_time_gets_the_offset_its_zone_has_that_day(string input, int offsetHours)
    {
        Assert.Null(WallTime.TryRead(input, _pacific, out var instant));

        Assert.Equal(TimeSpan.FromHours(offsetHours), instant.Offset);
        Assert.Equal(new DateTime(instant.Year, instant.Month, instant.Day, 8, 30, 0), instant.DateTime);
    }

    [Fact]
    public void A_bound_wall_time_is_read_the_same_way()
    {
        Assert.Null(WallTime.TryRead(new DateTime(2027, 7, 1, 8, 30, 0), _pacific, out var instant));
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 8, 30, 0, TimeSpan.FromHours(-7)), instant);
    }

    [Fact]
    public void A_time_the_clocks_skip_in_spring_is_refused()
    {
        // US clocks went from 2:00 to 3:00 on 14 March 2027.
        Assert.Equal("This time does not exist in America/Los_Angeles: the clocks skip it.", WallTime.TryRead("2027-03-14T02:30", _pacific, out _));
        Assert.NotNull(WallTime.TryRead(new DateTime(2027, 3, 14, 2, 30, 0), _pacific, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("16/01/2027 08:30")]
    public void Input_that_is_no_date_and_time_is_refused(string input) =>
        Assert.NotNull(WallTime.TryRead(input, _pacific, out _));

    [Theory]
    [InlineData("2027-01-20T16:30:00Z", "2027-01-20T08:30")]
    [InlineData("2027-07-01T15:45:00Z", "2027-07-01T08:45")]
    public void An_instant_comes_back_from_its_input_value(string utc, string expectedInput)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        var input = WallTime.ToInput(instant, _pacific);
        Assert.Equal(expectedInput, input);
        Assert.Null(WallTime.TryRead(input, _pacific, out var read));
        Assert.Equal(instant, read);
        Assert.Null(WallTime.TryRead(WallTime.ToWall(instant, _pacific), _pacific, out read));
        Assert.Equal(instant, read);
    }
}
