using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Venues.Ethereum;

/// <summary>An ERC-20 token seen from the client's account. Amounts are in the token's smallest unit (wei for 18 decimals).</summary>
public sealed class Erc20Token(EthereumClient client, string address)
{
    /// <summary>What "approve once" grants: the maximum, so later operations need no approval transaction.</summary>
    public static readonly BigInteger UnlimitedAllowance = BigInteger.Pow(2, 256) - 1;

    /// <summary>The zero address: the other side of a token's mint or burn.</summary>
    public const string ZeroAddress = "0x0000000000000000000000000000000000000000";

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

    /// <summary>
    /// What this token's <c>Transfer</c> events in <paramref name="receipt"/> moved from <paramref name="from"/> to
    /// <paramref name="to"/> (the zero address for a mint or a burn; null for anyone), in units: what a transaction
    /// really minted, took or paid, where the amount depends on a rate or a pool at the block it was mined in.
    /// </summary>
    public BigInteger MovedIn(TransactionReceipt receipt, string? from, string? to)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return receipt.DecodeAllEvents<TransferEventDto>()
            .Where(e => string.Equals(e.Log.Address, Address, StringComparison.OrdinalIgnoreCase)
                && (from is null || string.Equals(e.Event.From, from, StringComparison.OrdinalIgnoreCase))
                && (to is null || string.Equals(e.Event.To, to, StringComparison.OrdinalIgnoreCase)))
            .Aggregate(BigInteger.Zero, (sum, e) => sum + e.Event.Value);
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
