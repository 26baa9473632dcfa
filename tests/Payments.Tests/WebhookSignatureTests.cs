using System.Text;
using MicroInternships.PaymentPartner;

namespace MicroInternships.Payments.Tests;

/// <summary>The Standard Webhooks scheme, checked against the specification's published test vector.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string Timestamp = "1614265330";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] _body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");
    private static readonly DateTimeOffset _sentAt = DateTimeOffset.FromUnixTimeSeconds(1614265330);
    private static readonly TimeSpan _tolerance = TimeSpan.FromMinutes(5);
    private readonly WebhookSignature _signature = new(Secret);

    [Fact]
    public void Sign_MatchesTheSpecificationsVector() => Assert.Equal(Expected, _signature.Sign(Id, Timestamp, _body));

    [Fact]
    public void Verify_AcceptsTheVector_AlsoAmongSeveralSignatures()
    {
        Assert.True(_signature.Verify(Id, Timestamp, Expected, _body, _sentAt, _tolerance));
        Assert.True(_signature.Verify(Id, Timestamp, $"v1,Zm9yZ2VkIHNpZ25hdHVyZSBvZiB0aGUgb2xkIGtleQ== {Expected}", _body, _sentAt, _tolerance));
    }

    [Fact]
    public void Verify_RefusesATamperedBody_TheWrongSecret_OrAnotherId()
    {
        Assert.False(_signature.Verify(Id, Timestamp, Expected, Encoding.UTF8.GetBytes("""{"test": 2432232315}"""), _sentAt, _tolerance));
        Assert.False(new WebhookSignature("whsec_" + Convert.ToBase64String(new byte[24])).Verify(Id, Timestamp, Expected, _body, _sentAt, _tolerance));
        Assert.False(_signature.Verify("msg_other", Timestamp, Expected, _body, _sentAt, _tolerance));
        Assert.False(_signature.Verify(Id, Timestamp, "v2," + Expected[3..], _body, _sentAt, _tolerance));
        Assert.False(_signature.Verify(Id, Timestamp, "v1,not base64!", _body, _sentAt, _tolerance));
    }

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-299, true)]
    [InlineData(299, true)]
    [InlineData(301, false)]
    public void Verify_HoldsTheTimestampWithinFiveMinutes_EitherWay(int secondsFromSending, bool accepted) =>
        Assert.Equal(accepted, _signature.Verify(Id, Timestamp, Expected, _body, _sentAt.AddSeconds(secondsFromSending), _tolerance));

    [Theory]
    [InlineData(null, Timestamp, Expected)]
    [InlineData(Id, null, Expected)]
    [InlineData(Id, "not-a-number", Expected)]
    [InlineData(Id, Timestamp, null)]
    [InlineData(Id, Timestamp, "")]
    public void Verify_RefusesMissingHeaders(string? id, string? timestamp, string? signatures) =>
        Assert.False(_signature.Verify(id, timestamp, signatures, _body, _sentAt, _tolerance));

    [Theory]
    [InlineData("whsec_")]
    [InlineData("whsec_AA==")]
    public void AWeakSecret_IsRefused(string secret) => Assert.Throws<ArgumentException>(() => new WebhookSignature(secret));
}
