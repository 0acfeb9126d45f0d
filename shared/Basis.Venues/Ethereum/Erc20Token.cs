using System.Numerics;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Venues.Ethereum;

/// <summary>An ERC-20 token seen from the client's account. Amounts are in the token's smallest unit (wei for 18 decimals).</summary>
public sealed class Erc20Token(EthereumClient client, string address)
{
    /// <summary>What "approve once" grants: the maximum, so later operations need no approval transaction.</summary>
    public static readonly BigInteger UnlimitedAllowance = BigInteger.Pow(2, 256) - 1;

    /// <summary>The token contract.</summary>
    public string Address { get; } = address;

    /// <summary>The balance of <paramref name="owner"/> (the client's account when null), in the smallest unit.</summary>
    public Task<BigInteger> BalanceOfAsync(string? owner = null) =>
        client.QueryAsync<BalanceOfFunction, BigInteger>(Address, new BalanceOfFunction { Account = owner ?? client.Account.Address });

    /// <summary>The token's decimals.</summary>
    public async Task<int> DecimalsAsync() => (int)await client.QueryAsync<DecimalsFunction, BigInteger>(Address, new DecimalsFunction()).ConfigureAwait(false);

    /// <summary>How much <paramref name="spender"/> may take from the client's account.</summary>
    public Task<BigInteger> AllowanceAsync(string spender) =>
        client.QueryAsync<AllowanceFunction, BigInteger>(Address, new AllowanceFunction { Owner = client.Account.Address, Spender = spender });

    /// <summary>
    /// Approves <paramref name="spender"/> for <see cref="UnlimitedAllowance"/> unless it may already take
    /// <paramref name="amount"/>; returns the receipt, or null when no transaction was needed.
    /// </summary>
    public async Task<TransactionReceipt?> ApproveOnceAsync(string spender, BigInteger amount, CancellationToken cancellationToken = default)
    {
        if (await AllowanceAsync(spender).ConfigureAwait(false) >= amount)
        {
            return null;
        }

        return await client.SendAsync(Address, new ApproveFunction { Spender = spender, Amount = UnlimitedAllowance }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs transferring <paramref name="amount"/> to <paramref name="to"/> at the account's next nonce, for the caller to record before it is sent.</summary>
    public async Task<SignedTransaction> SignTransferAsync(string to, BigInteger amount, CancellationToken cancellationToken = default)
    {
        var nonce = await client.PendingNonceAsync(cancellationToken).ConfigureAwait(false);
        return await client.SignAsync(Address, new TransferFunction { To = to, Amount = amount }, nonce, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Transfers <paramref name="amount"/> to <paramref name="to"/>.</summary>
    public Task<TransactionReceipt> TransferAsync(string to, BigInteger amount, CancellationToken cancellationToken = default) =>
        client.SendAsync(Address, new TransferFunction { To = to, Amount = amount }, cancellationToken);
}
