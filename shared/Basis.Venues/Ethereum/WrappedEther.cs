using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Basis.Venues.Ethereum;

/// <summary>
/// WETH9, ETH as an ERC-20 token one for one: <c>deposit()</c> wraps the ETH sent with it, <c>withdraw(wad)</c> unwraps.
/// AAVE's ETH reserve is WETH, so the ETH a strategy lends is wrapped first and unwrapped after it is withdrawn.
/// Both are signed at the account's next nonce without being sent, as the chain desk sends its steps.
/// </summary>
public sealed class WrappedEther(EthereumClient client, string address)
{
    /// <summary>The WETH9 contract.</summary>
    public string Address { get; } = address;

    /// <summary>Signs wrapping <paramref name="wei"/> of the account's ETH.</summary>
    public async Task<SignedTransaction> SignWrapAsync(BigInteger wei, CancellationToken cancellationToken = default)
    {
        var nonce = await client.PendingNonceAsync(cancellationToken).ConfigureAwait(false);
        return await client.SignAsync(Address, new WethDepositFunction { AmountToSend = wei }, nonce, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs unwrapping <paramref name="wei"/> of the account's WETH back to ETH.</summary>
    public async Task<SignedTransaction> SignUnwrapAsync(BigInteger wei, CancellationToken cancellationToken = default)
    {
        var nonce = await client.PendingNonceAsync(cancellationToken).ConfigureAwait(false);
        return await client.SignAsync(Address, new WethWithdrawFunction { Wad = wei }, nonce, cancellationToken).ConfigureAwait(false);
    }
}

[Function("deposit")]
internal sealed class WethDepositFunction : FunctionMessage
{
}

[Function("withdraw")]
internal sealed class WethWithdrawFunction : FunctionMessage
{
    [Parameter("uint256", "wad", 1)]
    public BigInteger Wad { get; set; }
}
