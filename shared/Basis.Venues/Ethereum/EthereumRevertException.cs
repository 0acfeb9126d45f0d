namespace Basis.Venues.Ethereum;

/// <summary>
/// A transaction (or its gas estimate) reverted. <see cref="Reason"/> is the contract's <c>Error(string)</c> text
/// (AAVE v3's error codes are numbers as strings, e.g. "36" for COLLATERAL_CANNOT_COVER_NEW_BORROW), a
/// <c>Panic(n)</c>, a custom error's selector, or the node's message when the revert carried no data.
/// </summary>
public sealed class EthereumRevertException : Exception
{
    public EthereumRevertException()
        : this("", null, null)
    {
    }

    public EthereumRevertException(string message)
        : this(message, null, null)
    {
    }

    public EthereumRevertException(string message, Exception innerException)
        : this(message, null, innerException)
    {
    }

    public EthereumRevertException(string reason, string? transactionHash, Exception? innerException)
        : base(transactionHash is null ? $"the call reverts: {reason}" : $"transaction {transactionHash} reverted: {reason}", innerException)
    {
        Reason = reason;
        TransactionHash = transactionHash;
    }

    /// <summary>The decoded revert reason.</summary>
    public string Reason { get; }

    /// <summary>The mined transaction's hash; null when the revert was found before sending (by the gas estimate).</summary>
    public string? TransactionHash { get; }
}
