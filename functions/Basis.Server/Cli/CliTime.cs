using System.Globalization;
using Basis.Core.Time;

namespace Basis.Server.Cli;

/// <summary>Parses the UTC times users type: <c>2025-01-01</c>, <c>2025-01-01T06:00</c>, <c>2025-01-01T06:00:00Z</c>.</summary>
internal static class CliTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
    ];

    /// <summary>Parses a whole UTC hour; bad input names the option and the accepted forms.</summary>
    public static DateTime ParseHour(string text, string option)
    {
        if (!DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            throw new BadInputException($"{option}: '{text}' is not a UTC date or time (use 2025-01-01 or 2025-01-01T06:00Z)");
        }

        time = DateTime.SpecifyKind(time, DateTimeKind.Utc);
        if (!HourGrid.IsWholeUtcHour(time))
        {
            throw new BadInputException($"{option}: '{text}' is not on a whole hour (runs are hourly)");
        }

        return time;
    }

    /// <summary>Parses an optional value.</summary>
    public static DateTime? ParseOptional(string? text, string option) => text is null ? null : ParseHour(text, option);

    /// <summary>Formats a time the way the data layout does.</summary>
    public static string Format(DateTime utc) => UnixTime.Format(utc);
}
