namespace Basis.ExchangeSimulator.Accounting;

/// <summary>Why the venue-neutral state refused a request; each venue's API maps these to its own error codes.</summary>
public enum Rejection
{
    None,
    UnknownSymbol,
    InvalidQuantity,
    InvalidPrice,
    InsufficientMargin,
    BelowMinNotional,
    DuplicateClientOrderId,
    UnknownOrder,
    OrderNotOpen,
    MarginModeUnchanged,
    InvalidLeverage,
    ReduceOnlyRejected,
    /// <summary>A transfer, withdrawal or spot order larger than what the account it leaves can spare.</summary>
    InsufficientBalance,
}
