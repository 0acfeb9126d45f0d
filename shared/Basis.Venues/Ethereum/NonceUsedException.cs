namespace Basis.Venues.Ethereum;

/// <summary>A signed transaction whose nonce another transaction of the account took: it can never be mined.</summary>
public sealed class NonceUsedException(SignedTransaction transaction, Exception? innerException = null)
    : Exception($"transaction {transaction.Hash} cannot be mined: another transaction of the account used its nonce {transaction.Nonce}", innerException)
{
    /// <summary>The transaction that can never be mined.</summary>
    public SignedTransaction Transaction { get; } = transaction;
}
