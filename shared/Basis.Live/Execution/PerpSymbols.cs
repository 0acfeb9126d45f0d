using Basis.Venues.Exchanges;

namespace Basis.Live.Execution;

/// <summary>How each venue spells a USDT-margined perpetual: Binance and Bybit <c>ETHUSDT</c>, OKX <c>ETH-USDT-SWAP</c>.</summary>
public static class PerpSymbols
{
    /// <summary>The venue's symbol of the <paramref name="baseAsset"/>/USDT perpetual.</summary>
    public static string Of(ExchangeVenue venue, string baseAsset)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseAsset);
        return venue == ExchangeVenue.Okx ? $"{baseAsset}-USDT-SWAP" : $"{baseAsset}USDT";
    }
}
