namespace Basis.Core.Instruments;

/// <summary>An asset with a USD price. WETH is ETH (1:1 wrap); USDT is the numeraire (1 USDT = 1 USD).</summary>
public enum Asset
{
    /// <summary>Tether USD; the numeraire.</summary>
    Usdt,

    /// <summary>Ether (and WETH).</summary>
    Eth,

    /// <summary>Bitcoin.</summary>
    Btc,

    /// <summary>EigenLayer token, paid as EtherFi reward.</summary>
    Eigen,

    /// <summary>EtherFi governance token, paid as EtherFi reward.</summary>
    Ethfi,
}
