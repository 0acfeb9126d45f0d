using System.Collections.Frozen;

namespace Basis.Core.Market;

/// <summary>
/// Every kind of series the canonical layout holds, with its columns and limits. This is the single source of
/// truth for the importer, the sample generator, validation, the reader and <c>docs/data-series.md</c>.
/// </summary>
public static class SeriesCatalog
{
    private const double MaxPrice = 1e9;

    private static readonly ColumnSpec[] Bars =
    [
        new("open", "quote per base", "Price at the bar's open (the hour's timestamp).", Min: double.Epsilon, Max: MaxPrice),
        new("high", "quote per base", "Highest price in the hour.", Min: double.Epsilon, Max: MaxPrice),
        new("low", "quote per base", "Lowest price in the hour.", Min: double.Epsilon, Max: MaxPrice),
        new("close", "quote per base", "Price at the bar's close (one hour after the timestamp).", Min: double.Epsilon, Max: MaxPrice),
        new("volume", "base units", "Traded volume in the hour.", Min: 0),
    ];

    /// <summary>All kinds, in documentation order.</summary>
    public static IReadOnlyList<SeriesKindSpec> Kinds { get; } =
    [
        new(SeriesKind.Spot, "spot", "spot/{venue}/{PAIR}", "Spot OHLCV bars labelled at the bar's open (binance, bybit, uniswap).",
            SeriesCadence.Hourly, 3, Bars),
        new(SeriesKind.Perp, "perp", "perp/{venue}/{SYMBOL}", "USDT-margined perpetual OHLCV bars labelled at the bar's open; the open is the hour's mark price.",
            SeriesCadence.Hourly, 3, Bars),
        new(SeriesKind.Funding, "funding", "funding/{venue}/{SYMBOL}", "Funding rates at each funding time the venue published (never assumed to be 00/08/16).",
            SeriesCadence.Event, 12,
            [new("rate", "fraction per funding interval", "Positive: longs pay shorts. Payment = -size x mark x rate.", Min: -0.05, Max: 0.05)]),
        new(SeriesKind.Aave, "aave", "aave/{network}/{ASSET}", "AAVE v3 reserve indices (normalised, 1.0 = 1e27 ray) and annual rates, hourly; daily snapshots are interpolated geometrically by the importer.",
            SeriesCadence.Hourly, 26,
            [
                new("liquidity_index", "index", "Supply index: underlying = scaled balance x index.", Min: 1, Max: 100, NonDecreasing: true),
                new("variable_borrow_index", "index", "Variable-debt index: debt = scaled debt x index.", Min: 1, Max: 100, NonDecreasing: true),
                new("liquidity_rate", "APR fraction", "Supply rate as of the last snapshot.", Min: 0, Max: 10),
                new("variable_borrow_rate", "APR fraction", "Variable borrow rate as of the last snapshot.", Min: 0, Max: 10),
            ]),
        new(SeriesKind.Oracle, "oracle", "oracle/aave/{BASE}-{QUOTE}", "AAVE oracle prices: ETH-USD, and LST exchange rates weETH-ETH and wstETH-ETH.",
            SeriesCadence.Hourly, 3,
            [new("price", "quote per base", "Oracle price of one base unit in the quote asset.", Min: double.Epsilon, Max: MaxPrice)]),
        new(SeriesKind.Peg, "peg", "peg/{LST}", "LST peg: the protocol (oracle) exchange rate against the DEX market rate, both in ETH per LST.",
            SeriesCadence.Hourly, 3,
            [
                new("oracle_rate", "ETH per LST", "Protocol exchange rate (what minting pays).", Min: 0.5, Max: 2),
                new("market_rate", "ETH per LST", "DEX market rate (what selling receives before fees).", Min: 0.5, Max: 2),
            ]),
        new(SeriesKind.Gas, "gas", "gas/{network}", "Gas prices from eth_feeHistory; an operation costs (base fee + median priority fee) x gas units.",
            SeriesCadence.Hourly, 3,
            [
                new("base_fee_gwei", "gwei", "Base fee per gas.", Min: 0, Max: 10_000),
                new("priority_fee_p25_gwei", "gwei", "25th percentile priority fee.", Min: 0, Max: 10_000),
                new("priority_fee_p50_gwei", "gwei", "Median priority fee.", Min: 0, Max: 10_000),
                new("priority_fee_p75_gwei", "gwei", "75th percentile priority fee.", Min: 0, Max: 10_000),
            ]),
        new(SeriesKind.Rewards, "rewards", "rewards/{protocol}/{TOKEN}", "Reward distributions: at each payout, tokens per eETH held over the period (time-weighted).",
            SeriesCadence.Event, 0,
            [
                new("period_start", "UTC", "First hour of the earning period.", ColumnType.Timestamp),
                new("period_end", "UTC", "End of the earning period (exclusive).", ColumnType.Timestamp),
                new("tokens_per_eeth", "tokens per eETH", "Tokens paid per eETH held for the whole period.", Min: 0, Max: 1_000),
                new("estimated", "0 or 1", "1 when the amount is an estimate rather than a published figure.", Min: 0, Max: 1),
            ]),
        new(SeriesKind.Benchmark, "benchmark", "benchmark/{protocol}/{ASSET}", "Benchmark yields for comparison (not used by strategies).",
            SeriesCadence.Daily, 26,
            [new("apy", "fraction", "Annual percentage yield.", Min: -1, Max: 10)]),
    ];

    private static readonly FrozenDictionary<string, SeriesKindSpec> ByName =
        Kinds.ToFrozenDictionary(k => k.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<SeriesKind, SeriesKindSpec> ByKind = Kinds.ToFrozenDictionary(k => k.Kind);

    /// <summary>The id prefixes of all kinds.</summary>
    public static IEnumerable<string> KindNames => Kinds.Select(k => k.Name);

    /// <summary>The spec of a kind.</summary>
    public static SeriesKindSpec Spec(SeriesKind kind) => ByKind[kind];

    /// <summary>The spec of a series.</summary>
    public static SeriesKindSpec Spec(SeriesId id) => ByKind[id.Kind];

    /// <summary>Looks a kind up by its id prefix.</summary>
    public static bool TryGetKind(string name, out SeriesKind kind)
    {
        if (ByName.TryGetValue(name, out var spec))
        {
            kind = spec.Kind;
            return true;
        }

        kind = default;
        return false;
    }
}
