using System.Text.Json.Serialization;

namespace Basis.Core.Market;

/// <summary>
/// The name of one market-data series, e.g. <c>spot/binance/BTCUSDT</c>, <c>funding/okx/ETHUSDT</c>,
/// <c>gas/ethereum</c>. The first segment is the <see cref="SeriesKind"/>; the id doubles as the series' folder
/// in the canonical layout (<c>{series}/{yyyy}/{MM}.csv</c>).
/// </summary>
[JsonConverter(typeof(SeriesIdJsonConverter))]
public readonly record struct SeriesId
{
    private SeriesId(string value, SeriesKind kind)
    {
        Value = value;
        Kind = kind;
    }

    /// <summary>The id as text.</summary>
    public string Value { get; }

    /// <summary>The kind named by the first segment.</summary>
    public SeriesKind Kind { get; }

    /// <summary>Parses an id; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static SeriesId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    /// <summary>Parses an id, or explains why it is not one.</summary>
    public static bool TryParse(string? text, out SeriesId id, out string error)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "a series id is empty";
            return false;
        }

        var segments = text.Split('/');
        if (segments.Length is < 2 or > 3 || segments.Any(s => s.Length == 0 || !s.All(IsIdCharacter)))
        {
            error = $"'{text}' is not a series id: expected kind/source[/instrument] of letters, digits, '-', '_' or '.'";
            return false;
        }

        if (!SeriesCatalog.TryGetKind(segments[0], out var kind))
        {
            error = $"'{text}' has an unknown series kind '{segments[0]}' (known: {string.Join(", ", SeriesCatalog.KindNames)})";
            return false;
        }

        id = new SeriesId(text, kind);
        error = string.Empty;
        return true;
    }

    /// <summary>Orders ids by their text, ordinally.</summary>
    public static Comparison<SeriesId> Ordinal { get; } = (a, b) => string.CompareOrdinal(a.Value, b.Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    private static bool IsIdCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
