namespace Basis.Venues.MarketData;

/// <summary>
/// One canonical row read from the chain: the series id, the hour it is filed under, and the values in the
/// series' column order (the names are carried so a caller can check them against the catalogue).
/// </summary>
/// <param name="Series">The canonical series id, e.g. <c>aave/ethereum/WETH</c>.</param>
/// <param name="Hour">The block's timestamp floored to the hour (UTC).</param>
/// <param name="Columns">The column names, in the canonical order.</param>
/// <param name="Values">The values, in the canonical units.</param>
public sealed record ChainSeriesRow(string Series, DateTimeOffset Hour, IReadOnlyList<string> Columns, IReadOnlyList<double> Values);
