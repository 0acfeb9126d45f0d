using Basis.Venues.Exchanges;

namespace Basis.Live.Execution;

/// <summary>
/// How each venue spells a USDT pair: its perpetual Binance and Bybit <c>ETHUSDT</c>, OKX <c>ETH-USDT-SWAP</c>; its spot
/// pair Binance and Bybit <c>ETHUSDT</c> too (the account tells them apart), OKX <c>ETH-USDT</c>; and how each names
/// Ethereum as a network for deposits and withdrawals.
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

    /// <summary>The venue's name of the Ethereum network for deposits and withdrawals: Binance and Bybit <c>ETH</c>, OKX <c>ERC20</c>.</summary>
    public static string EthereumNetwork(ExchangeVenue venue) => venue == ExchangeVenue.Okx ? "ERC20" : "ETH";
}
