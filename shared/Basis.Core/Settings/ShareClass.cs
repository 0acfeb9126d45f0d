using Basis.Core.Instruments;

namespace Basis.Core.Settings;

/// <summary>The currency a strategy reports its equity and P&amp;L in.</summary>
public enum ShareClass
{
    /// <summary>USDT: market-neutral strategies; P&amp;L in USDT.</summary>
    Usdt,

    /// <summary>ETH: directional strategies; P&amp;L in ETH.</summary>
    Eth,
}

/// <summary>Names and assets of share classes.</summary>
public static class ShareClasses
{
    /// <summary>The asset a share class is denominated in.</summary>
    public static Asset Asset(this ShareClass shareClass) => shareClass == ShareClass.Usdt ? Instruments.Asset.Usdt : Instruments.Asset.Eth;

    /// <summary>The share class' name as configs and results spell it (<c>USDT</c>, <c>ETH</c>).</summary>
    public static string Name(this ShareClass shareClass) => shareClass.Asset().Symbol();
}
