using System.Text;
using MicroInternships.Messaging.Recovery;

namespace MicroInternships.Messaging.Tests;

/// <summary>When a message in <c>_error</c> goes back to its queue, and when it is parked for a person.</summary>
public sealed class ErrorRedriveTests
{
    private static readonly DateTimeOffset _now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly MessagingOptions _options = new()
    {
        ErrorRedriveFirstDelay = TimeSpan.FromSeconds(30), ErrorRedriveMaxDelay = TimeSpan.FromMinutes(30), ErrorRedriveLimit = 10,
    };

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 60)]
    [InlineData(5, 960)]
    [InlineData(6, 1800)]
    [InlineData(9, 1800)]
    public void TheWait_DoublesWithEachReturn_UpToTheMaximum(int returns, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ErrorRedrive.Backoff(returns, _options));

    [Fact]
    public void AMessageWaitsOutItsBackoff_ThenIsDue_AsItsNextReturn()
    {
        var failedAt = _now.AddSeconds(-59);
        Assert.Equal(new ErrorRedrive.Waiting(_now.AddSeconds(1)), ErrorRedrive.For(Headers(failedAt, returns: 1), _now, _options));
        Assert.Equal(new ErrorRedrive.Due(2), ErrorRedrive.For(Headers(failedAt, returns: 1), _now.AddSeconds(1), _options));
        Assert.Equal(new ErrorRedrive.Due(1), ErrorRedrive.For(Headers(_now.AddSeconds(-30), returns: null), _now, _options));
    }

    [Fact]
    public void AMessageThatFailedAfterItsLastReturn_IsPoison()
    {
        Assert.IsType<ErrorRedrive.Poison>(ErrorRedrive.For(Headers(_now, returns: 10), _now, _options));
        Assert.IsType<ErrorRedrive.Poison>(ErrorRedrive.For(Headers(_now, returns: 0), _now, new MessagingOptions { ErrorRedriveLimit = 0 }));
    }

    [Fact]
    public void AMessageWithoutMassTransitsTimestamp_IsDueAtOnce() =>
        Assert.Equal(new ErrorRedrive.Due(1), ErrorRedrive.For(new Dictionary<string, object?>(), _now, _options));

    /// <summary>Headers as RabbitMQ's client reads them back: strings as UTF-8 bytes, numbers as numbers.</summary>
    private static Dictionary<string, object?> Headers(DateTimeOffset failedAt, int? returns)
    {
        var headers = new Dictionary<string, object?> { [ErrorRedrive.FailedAtHeader] = Encoding.UTF8.GetBytes(failedAt.UtcDateTime.ToString("O")) };
        if (returns is { } count)
        {
            headers[ErrorRedrive.ReturnsHeader] = count;
        }

        return headers;
    }
}
