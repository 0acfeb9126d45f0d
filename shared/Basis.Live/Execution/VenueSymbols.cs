using Basis.Venues.Exchanges;

namespace Basis.Live.Execution;

/// <summary>
/// How each venue spells a USDT pair: its perpetual Binance and Bybit <c>ETHUSDT</c>, OKX <c>ETH-USDT-SWAP</c>; its spot
/// pair Binance and Bybit <c>ETHUSDT</c> too (the account tells them apart), OKX <c>ETH-USDT</c>.
/// </summary>
public static class VenueSymbols
{
    /// <summary>The venue's symbol of the <paramref name="baseAsset"/>/USDT perpetual.</summary>
    public static string Perp(ExchangeVenue venue, string baseAsset)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseAsset);
        return venue == ExchangeVenue.Okx ? $"{baseAsset}-USDT-SWAP" : $"{baseAsset}USDT";
    }

    /// <summary>The venue's symbol of the <paramref name="baseAsset"/>/USDT spot pair.</summary>
    public static string Spot(ExchangeVenue venue, string baseAsset)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseAsset);
        return venue == ExchangeVenue.Okx ? $"{baseAsset}-USDT" : $"{baseAsset}USDT";
    }
}
