using System.Globalization;
using Basis.Core.Time;

namespace Basis.Data.Import;

/// <summary>
/// Parses every timestamp form the original system wrote: ISO with <c>Z</c>, <c>+00:00</c> or the broken
/// <c>+00:00Z</c>; a space instead of <c>T</c>; no zone at all (its pipeline wrote UTC everywhere); a date alone
/// (00:00 UTC); and Unix seconds.
/// </summary>
internal static class SourceTimestamp
{
    // Unix seconds outside 2000..2100 are not seconds (milliseconds, a block number, a typo): refuse rather than guess.
    private const long EarliestUnixSeconds = 946_684_800;
    private const long LatestUnixSeconds = 4_102_444_800;

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    /// <summary>Parses <paramref name="text"/> into Unix seconds (UTC); false when it is none of the known forms.</summary>
    public static bool TryParse(string? text, out long unixSeconds)
    {
        unixSeconds = 0;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return false;
        }

        if (s.All(char.IsAsciiDigit))
        {
            if (s.Length > 12 || !long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
                seconds < EarliestUnixSeconds || seconds >= LatestUnixSeconds)
            {
                return false;
            }

            unixSeconds = seconds;
            return true;
        }

        // The original pipeline appended 'Z' to offsets it had already written ("2024-05-12T01:00:00+00:00Z").
        // It only ever means UTC; any other offset followed by Z is contradictory and refused.
        if (s.EndsWith("+00:00Z", StringComparison.Ordinal) || s.EndsWith("-00:00Z", StringComparison.Ordinal))
        {
            s = s[..^1];
        }

        if (!DateTimeOffset.TryParseExact(s, IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        if (parsed.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return false; // canonical files hold whole seconds
        }

        unixSeconds = UnixTime.ToSeconds(parsed.UtcDateTime);
        return true;
    }
}
