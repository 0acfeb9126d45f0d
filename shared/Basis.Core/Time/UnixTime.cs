using System.Globalization;

namespace Basis.Core.Time;

/// <summary>Conversions between UTC <see cref="DateTime"/>, Unix seconds and the ISO text the data layout uses.</summary>
public static class UnixTime
{
    /// <summary>The text format of every canonical timestamp: <c>2024-01-01T00:00:00Z</c>.</summary>
    public const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>Unix seconds of a UTC time.</summary>
    public static long ToSeconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;

    /// <summary>The UTC time of Unix seconds.</summary>
    public static DateTime FromSeconds(long seconds) => DateTime.UnixEpoch.AddSeconds(seconds);

    /// <summary>Formats Unix seconds as canonical ISO text.</summary>
    public static string Format(long seconds) => FromSeconds(seconds).ToString(IsoFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats a UTC time as canonical ISO text.</summary>
    public static string Format(DateTime utc) => utc.ToString(IsoFormat, CultureInfo.InvariantCulture);
}
