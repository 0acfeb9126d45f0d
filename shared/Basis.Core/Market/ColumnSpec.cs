namespace Basis.Core.Market;

/// <summary>One column of a canonical series file (after the leading <c>timestamp</c> column).</summary>
/// <param name="Name">Header name.</param>
/// <param name="Unit">Unit of the values, for the docs and reports.</param>
/// <param name="Description">What the column holds.</param>
/// <param name="Type">Number, or a timestamp stored as ISO text and held in memory as Unix seconds.</param>
/// <param name="Min">Smallest possible value; anything below is an impossible value.</param>
/// <param name="Max">Largest possible value; anything above is an impossible value.</param>
/// <param name="NonDecreasing">True when the value can never fall between rows (AAVE indices).</param>
public sealed record ColumnSpec(
    string Name,
    string Unit,
    string Description,
    ColumnType Type = ColumnType.Number,
    double Min = double.NegativeInfinity,
    double Max = double.PositiveInfinity,
    bool NonDecreasing = false);

/// <summary>How a column is stored.</summary>
public enum ColumnType
{
    /// <summary>A decimal number in invariant culture.</summary>
    Number,

    /// <summary>An ISO UTC timestamp (<c>yyyy-MM-ddTHH:mm:ssZ</c>), held in memory as Unix seconds.</summary>
    Timestamp,
}
