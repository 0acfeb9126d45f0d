using System.Numerics;
using Basis.Venues.Ethereum.Aave;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Venues.Ethereum.Lido;

/// <summary>
/// Lido for the client's account: stake ETH for stETH (<c>submit</c>, rebasing: the balance grows with each oracle
/// report), wrap stETH into wstETH (non-rebasing: the rate grows instead) and back. Amounts in wei.
/// </summary>
public sealed class LidoStaking(EthereumClient client, string stEth, string wstEth)
{
    /// <summary>Stakes <paramref name="ethWei"/> ETH; stETH arrives 1:1 with the ETH (less a wei of share rounding).</summary>
    public Task<TransactionReceipt> SubmitAsync(BigInteger ethWei, CancellationToken cancellationToken = default) =>
        client.SendAsync(stEth, new SubmitFunction { AmountToSend = ethWei }, cancellationToken);

    /// <summary>Wraps <paramref name="stEthWei"/> stETH into wstETH, approving the wstETH contract once if needed.</summary>
    public async Task<TransactionReceipt> WrapAsync(BigInteger stEthWei, CancellationToken cancellationToken = default)
    {
        await new Erc20Token(client, stEth).ApproveOnceAsync(wstEth, stEthWei, cancellationToken).ConfigureAwait(false);
        return await client.SendAsync(wstEth, new WrapStEthFunction { StEthAmount = stEthWei }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs staking <paramref name="ethWei"/> ETH at the account's next nonce, for the caller to record before it is sent.</summary>
    public async Task<SignedTransaction> SignSubmitAsync(BigInteger ethWei, CancellationToken cancellationToken = default)
    {
        var nonce = await client.PendingNonceAsync(cancellationToken).ConfigureAwait(false);
        return await client.SignAsync(stEth, new SubmitFunction { AmountToSend = ethWei }, nonce, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Signs wrapping <paramref name="stEthWei"/> stETH at the account's next nonce, after approving the wstETH contract
    /// once (a transaction of its own, sent at once and returned, or null when the allowance suffices).
    /// </summary>
    public async Task<(TransactionReceipt? Approval, SignedTransaction Wrap)> SignWrapAsync(BigInteger stEthWei, CancellationToken cancellationToken = default)
    {
        var approval = await new Erc20Token(client, stEth).ApproveOnceAsync(wstEth, stEthWei, cancellationToken).ConfigureAwait(false);
        var nonce = await client.PendingNonceAsync(cancellationToken).ConfigureAwait(false);
        return (approval, await client.SignAsync(wstEth, new WrapStEthFunction { StEthAmount = stEthWei }, nonce, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Unwraps <paramref name="wstEthWei"/> wstETH back into stETH.</summary>
    public Task<TransactionReceipt> UnwrapAsync(BigInteger wstEthWei, CancellationToken cancellationToken = default) =>
        client.SendAsync(wstEth, new UnwrapWstEthFunction { WstEthAmount = wstEthWei }, cancellationToken);

    /// <summary>The wstETH rate: stETH (≈ ETH) per wstETH, e.g. 1.2 (<c>stEthPerToken</c>).</summary>
    public async Task<decimal> StEthPerWstEthAsync() =>
        RayMath.FromWad(await client.QueryAsync<StEthPerTokenFunction, BigInteger>(wstEth, new StEthPerTokenFunction()).ConfigureAwait(false));

    /// <summary>wstETH minted for wrapping <paramref name="stEthWei"/> now.</summary>
    public Task<BigInteger> WstEthForStEthAsync(BigInteger stEthWei) =>
        client.QueryAsync<GetWstEthByStEthFunction, BigInteger>(wstEth, new GetWstEthByStEthFunction { StEthAmount = stEthWei });

    /// <summary>stETH returned for unwrapping <paramref name="wstEthWei"/> now.</summary>
    public Task<BigInteger> StEthForWstEthAsync(BigInteger wstEthWei) =>
        client.QueryAsync<GetStEthByWstEthFunction, BigInteger>(wstEth, new GetStEthByWstEthFunction { WstEthAmount = wstEthWei });
}
