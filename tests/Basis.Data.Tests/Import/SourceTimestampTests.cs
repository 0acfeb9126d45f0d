using Basis.Core.Time;
using Basis.Data.Import;

namespace Basis.Data.Tests.Import;

public sealed class SourceTimestampTests
{
    private static readonly long NewYear2024OneAm = UnixTime.ToSeconds(new DateTime(2024, 1, 1, 1, 0, 0, DateTimeKind.Utc));

    [Theory]
    [InlineData("2024-01-01T01:00:00Z")]
    [InlineData("2024-01-01T01:00:00+00:00")]
    [InlineData("2024-01-01T01:00:00+00:00Z")]
    [InlineData("2024-01-01 01:00:00+00:00")]
    [InlineData("2024-01-01 01:00:00")]
    [InlineData("2024-01-01T03:00:00+02:00")]
    [InlineData("1704070800")]
    [InlineData(" 2024-01-01T01:00:00Z ")]
    public void Every_form_the_original_wrote_parses_to_the_same_utc_instant(string text)
    {
        Assert.True(SourceTimestamp.TryParse(text, out var seconds));
        Assert.Equal(NewYear2024OneAm, seconds);
    }

    [Fact]
    public void A_date_alone_is_midnight_utc()
    {
        Assert.True(SourceTimestamp.TryParse("2024-02-16", out var seconds));
        Assert.Equal(new DateTime(2024, 2, 16, 0, 0, 0, DateTimeKind.Utc), UnixTime.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-13-01")]
    [InlineData("1704070800000")] // milliseconds: refused rather than guessed
    [InlineData("12345")]
    [InlineData("2024-01-01T01:00:00+02:00Z")] // an offset other than UTC followed by Z contradicts itself
    [InlineData("2024-01-01T01:00:00.5Z")]
    public void Anything_else_is_refused(string text) => Assert.False(SourceTimestamp.TryParse(text, out _));
}
