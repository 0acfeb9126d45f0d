namespace Basis.Data.Sample;

/// <summary>
/// One underlying price path and the markets that quote it. The path is a geometric random walk with the
/// sample's shared volatility regime; every venue's bars are that path plus the venue's own noise.
/// </summary>
/// <param name="Name">Short name; also names the path's random stream (<c>ETH</c>, <c>BTC</c>, ...).</param>
/// <param name="StartPrice">Price at the first hour, in the markets' quote asset (USDT, or ETH for token/WETH pools).</param>
/// <param name="AnnualVolatility">Annualised volatility of log returns (0.60 = 60%).</param>
/// <param name="MarketFactorCorrelation">
/// Correlation of the path's hourly shocks with the shared crypto-market factor; two assets with 0.9 each
/// correlate at 0.81.
/// </param>
/// <param name="PriceDecimals">Decimals prices are published with (a venue's tick).</param>
/// <param name="SpotMarkets">Spot venues quoting the asset.</param>
/// <param name="PerpMarkets">Perpetual futures on the asset; empty for none.</param>
public sealed record SampleAsset(
    string Name,
    double StartPrice,
    double AnnualVolatility,
    double MarketFactorCorrelation,
    int PriceDecimals,
    IReadOnlyList<SampleSpotMarket> SpotMarkets,
    IReadOnlyList<SamplePerpMarket> PerpMarkets);
