namespace Basis.Live.Reconciliation;

/// <summary>What a line of the report compares.</summary>
public enum HoldingKind
{
    /// <summary>An amount of a token (a venue's balance summed over its accounts, the wallet's, AAVE's).</summary>
    Balance,

    /// <summary>A perpetual's signed size in its base asset.</summary>
    Perp,
}
