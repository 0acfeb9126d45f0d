using System.Globalization;
using Basis.Configuration.Tree;

namespace Basis.Configuration.Reading;

/// <summary>
/// Converts scalars to the types <see cref="ConfigReader"/> supports. Numbers use the invariant culture and never
/// accept thousands separators, hex, underscores or non-finite values; booleans are <c>true</c>/<c>false</c> in any
/// case (YAML 1.1's yes/no/on/off are refused because <c>no</c> as a country code or venue must not become false).
/// </summary>
internal static class ScalarConversion
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-ddTHH:mmK",
        "yyyy-MM-ddTHH:mm:ssK",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    /// <summary>What the user should have written, for "expected …" messages.</summary>
    public static string Expected<T>() =>
        typeof(T) == typeof(bool) ? "true or false"
        : typeof(T) == typeof(int) || typeof(T) == typeof(long) ? "a whole number"
        : typeof(T) == typeof(double) || typeof(T) == typeof(decimal) ? "a number"
        : typeof(T) == typeof(DateOnly) ? "a date (yyyy-MM-dd)"
        : typeof(T) == typeof(DateTime) ? "a UTC time (yyyy-MM-ddTHH:mm:ssZ, or yyyy-MM-dd for midnight)"
        : throw Unsupported<T>();

    public static bool TryConvert<T>(ConfigScalar scalar, out T value)
    {
        value = default!;
        if (!IsTypeable<T>(scalar))
        {
            return false;
        }

        var text = scalar.Text.Trim();
        const NumberStyles integer = NumberStyles.AllowLeadingSign;
        const NumberStyles real = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        var culture = CultureInfo.InvariantCulture;
        object? result = typeof(T) switch
        {
            var t when t == typeof(bool) => text.ToUpperInvariant() switch { "TRUE" => true, "FALSE" => false, _ => null },
            var t when t == typeof(int) => int.TryParse(text, integer, culture, out var i) ? i : null,
            var t when t == typeof(long) => long.TryParse(text, integer, culture, out var l) ? l : null,
            var t when t == typeof(double) => double.TryParse(text, real, culture, out var d) && double.IsFinite(d) ? d : null,
            var t when t == typeof(decimal) => decimal.TryParse(text, real, culture, out var m) ? m : null,
            var t when t == typeof(DateOnly) => DateOnly.TryParseExact(text, "yyyy-MM-dd", culture, DateTimeStyles.None, out var day) ? day : null,
            var t when t == typeof(DateTime) => DateTime.TryParseExact(
                text,
                DateTimeFormats,
                culture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var time) ? time : null,
            _ => throw Unsupported<T>(),
        };
        if (result is null)
        {
            return false;
        }

        value = (T)result;
        return true;
    }

    /// <summary>Invariant text for range bounds in messages (dates as ISO 8601, not the invariant culture's MM/dd/yyyy).</summary>
    public static string Format<T>(T value) => value switch
    {
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? string.Empty,
    };

    /// <summary>
    /// Numbers and booleans come only from plain untagged scalars or an explicit matching tag, so <c>"1.0"</c> stays
    /// text; dates are not a YAML 1.2 type, so quoting one is natural and allowed.
    /// </summary>
    private static bool IsTypeable<T>(ConfigScalar scalar)
    {
        if (typeof(T) == typeof(DateOnly) || typeof(T) == typeof(DateTime))
        {
            return scalar.Tag is null or CoreTags.String;
        }

        if (scalar.Tag is null)
        {
            return scalar.Style == ConfigScalarStyle.Plain;
        }

        return typeof(T) == typeof(bool)
            ? scalar.Tag == CoreTags.Bool
            : scalar.Tag is CoreTags.Int or CoreTags.Float;
    }

    private static NotSupportedException Unsupported<T>() =>
        new($"ConfigReader reads bool, int, long, double, decimal, DateOnly and DateTime, not {typeof(T).Name}.");
}
