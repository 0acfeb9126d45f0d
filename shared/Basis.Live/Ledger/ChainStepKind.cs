namespace Basis.Live.Ledger;

/// <summary>What an on-chain step of a real instance does.</summary>
public enum ChainStepKind
{
    /// <summary>Supplies a token from the wallet to AAVE v3.</summary>
    AaveSupply,

    /// <summary>Withdraws a token from AAVE v3 into the wallet.</summary>
    AaveWithdraw,
}
