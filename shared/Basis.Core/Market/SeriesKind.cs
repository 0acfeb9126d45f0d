namespace Basis.Core.Market;

/// <summary>What a series measures; fixes its columns, cadence and default staleness limit (see <see cref="SeriesCatalog"/>).</summary>
public enum SeriesKind
{
    /// <summary>Spot OHLCV bars, hourly, labelled at the bar's open.</summary>
    Spot,

    /// <summary>Perpetual-future OHLCV bars, hourly, labelled at the bar's open.</summary>
    Perp,

    /// <summary>Funding rates, one row per funding time found at the venue.</summary>
    Funding,

    /// <summary>AAVE v3 reserve indices and rates, hourly.</summary>
    Aave,

    /// <summary>Oracle prices (AAVE's), hourly or daily.</summary>
    Oracle,

    /// <summary>LST peg: protocol (oracle) rate against the DEX market rate, hourly.</summary>
    Peg,

    /// <summary>Gas prices, hourly.</summary>
    Gas,

    /// <summary>Reward distributions, one row per payout.</summary>
    Rewards,

    /// <summary>Benchmark yields for comparison, daily.</summary>
    Benchmark,
}
