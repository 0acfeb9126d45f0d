using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Basis.Core.Results;

namespace Basis.Data.Results;

/// <summary>The JSON conventions of every result file: snake_case names, UTC ISO times, nulls written out, no indentation surprises.</summary>
public static class ResultJson
{
    /// <summary>Options for <c>summary.json</c> (indented, for people).</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>Options for <c>events.jsonl</c> (one compact object per line).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>
    /// The compact conventions with NaN and infinities written as named literals: for the summary inside a
    /// <see cref="ResultPack"/>, which must read back exactly whatever the run produced.
    /// </summary>
    internal static JsonSerializerOptions Lossless { get; } = Create(indented: false, JsonNumberHandling.AllowNamedFloatingPointLiterals);

    /// <summary>Reads a <c>summary.json</c> back.</summary>
    public static BacktestSummary ReadSummary(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<BacktestSummary>(utf8, Indented) ?? throw new JsonException("summary.json holds null");

    private static JsonSerializerOptions Create(bool indented, JsonNumberHandling numberHandling = JsonNumberHandling.Strict) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = indented,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = numberHandling,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
