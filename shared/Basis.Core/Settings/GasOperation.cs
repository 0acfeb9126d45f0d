namespace Basis.Core.Settings;

/// <summary>On-chain operations with a gas budget in configs/venues/ethereum.yaml (units from the original's gas analysis).</summary>
public enum GasOperation
{
    /// <summary>Stake ETH into an LST.</summary>
    StakeDeposit,

    /// <summary>Request an LST withdrawal from the protocol's queue.</summary>
    StakeWithdrawal,

    /// <summary>A DEX swap.</summary>
    TokenSwap,

    /// <summary>Unwrap KING into EIGEN and ETHFI (EtherFi rewards claim).</summary>
    UnwrapKingToken,

    /// <summary>Supply to AAVE.</summary>
    CollateralSupplied,

    /// <summary>Withdraw from AAVE.</summary>
    CollateralWithdrawn,

    /// <summary>Borrow from AAVE.</summary>
    LoanCreated,

    /// <summary>Repay AAVE debt.</summary>
    LoanRepaid,

    /// <summary>Transfer a token from the wallet to an exchange deposit address.</summary>
    VenueTransfer,

    /// <summary>Atomic flash-loan leverage entry.</summary>
    AtomicEntry,

    /// <summary>Atomic deleverage with one swap.</summary>
    AtomicDeleverageOneSwap,

    /// <summary>Atomic deleverage with two swaps.</summary>
    AtomicDeleverageTwoSwaps,

    /// <summary>One-time ERC-20 approval.</summary>
    ApprovalOnce,

    /// <summary>One-time AAVE eMode switch.</summary>
    SetEmodeOnce,
}
