namespace Basis.Core.Instruments;

/// <summary>
/// One known position: its key, the asset whose price values it, and the factors between a held quantity and
/// that asset (AAVE index, LST exchange rate).
/// </summary>
/// <param name="Id">Dense index into per-instrument arrays.</param>
/// <param name="Key">The position key.</param>
/// <param name="PricedIn">
/// The asset whose USD price values one unit of underlying: ETH for WETH, LSTs and LST aTokens; the
/// perpetual's base asset for perps.
/// </param>
/// <param name="Lst">The LST whose exchange rate multiplies the value, if any.</param>
/// <param name="AaveReserve">The AAVE reserve symbol (<c>USDT</c>, <c>WETH</c>, <c>weETH</c>, <c>wstETH</c>) for aTokens and debt tokens.</param>
public sealed record Instrument(int Id, InstrumentKey Key, Asset PricedIn, LstToken? Lst = null, string? AaveReserve = null)
{
    /// <summary>True for liabilities (debt tokens).</summary>
    public bool IsDebt => Key.Type == PositionType.DebtToken;

    /// <inheritdoc />
    public override string ToString() => Key.ToString();
}
