namespace Basis.Core.Instruments;

/// <summary>Where a position is held. The text form (see <see cref="VenueNames"/>) is what position keys and configs use.</summary>
public enum Venue
{
    /// <summary>The strategy's own on-chain wallet (EOA).</summary>
    Wallet,

    /// <summary>Binance (spot and USDⓈ-M perpetuals).</summary>
    Binance,

    /// <summary>Bybit (spot and USDT perpetuals).</summary>
    Bybit,

    /// <summary>OKX (spot and USDT swaps).</summary>
    Okx,

    /// <summary>AAVE v3 on Ethereum.</summary>
    AaveV3,

    /// <summary>EtherFi (weETH).</summary>
    EtherFi,

    /// <summary>Lido (wstETH).</summary>
    Lido,
}
