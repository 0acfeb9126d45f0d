namespace Basis.Venues.Exchanges.Binance;

/// <summary>
/// The limits the client keeps under, per API (spot and USDⓈ-M futures count separately). Defaults are Binance's
/// published ones; the exchange reports the current values in GET /fapi/v1/exchangeInfo and /api/v3/exchangeInfo.
/// </summary>
public sealed record BinanceRateLimits(int WeightPerMinute, int OrdersPerTenSeconds, int OrdersPerMinute)
{
    public static BinanceRateLimits UsdMarginedFutures { get; } = new(2400, 300, 1200);

    /// <summary>Spot has no per-minute order limit (it counts per 10 s and per day).</summary>
    public static BinanceRateLimits Spot { get; } = new(6000, 100, int.MaxValue);
}
