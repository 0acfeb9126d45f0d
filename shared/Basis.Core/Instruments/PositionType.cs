namespace Basis.Core.Instruments;

/// <summary>The type segment of a position key.</summary>
public enum PositionType
{
    /// <summary>A plain token balance (units).</summary>
    BaseToken,

    /// <summary>An AAVE aToken, held as a scaled balance (underlying = scaled × liquidity index).</summary>
    AToken,

    /// <summary>An AAVE variable-debt token, held as a scaled debt (debt = scaled × borrow index).</summary>
    DebtToken,

    /// <summary>A non-rebasing liquid staking token (units; value = units × LST/ETH rate × ETH price).</summary>
    Lst,

    /// <summary>A linear USDT-margined perpetual (signed size in base units).</summary>
    Perp,
}
