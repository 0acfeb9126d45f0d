namespace Basis.Core.Simulation;

/// <summary>Names and enumeration helpers of <see cref="AttributionSource"/>.</summary>
public static class AttributionSources
{
    /// <summary>All sources in reporting order.</summary>
    public static IReadOnlyList<AttributionSource> All { get; } = Enum.GetValues<AttributionSource>();

    /// <summary>Number of sources.</summary>
    public static int Count => All.Count;

    /// <summary>The snake_case name results use (<c>lending_yield</c>, ...).</summary>
    public static string Name(this AttributionSource source) => source switch
    {
        AttributionSource.LendingYield => "lending_yield",
        AttributionSource.BorrowCost => "borrow_cost",
        AttributionSource.StakingYield => "staking_yield",
        AttributionSource.Rewards => "rewards",
        AttributionSource.Funding => "funding",
        AttributionSource.Price => "price",
        AttributionSource.Basis => "basis",
        AttributionSource.TradingFees => "trading_fees",
        AttributionSource.Slippage => "slippage",
        AttributionSource.Gas => "gas",
        AttributionSource.Liquidation => "liquidation",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown attribution source."),
    };
}
