namespace Basis.Core.Instruments;

/// <summary>A non-rebasing liquid (re)staking token; its value is units × LST/ETH exchange rate × ETH price.</summary>
public enum LstToken
{
    /// <summary>EtherFi wrapped eETH.</summary>
    WeEth,

    /// <summary>Lido wrapped stETH.</summary>
    WstEth,
}
