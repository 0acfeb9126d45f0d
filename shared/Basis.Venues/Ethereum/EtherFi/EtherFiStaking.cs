using System.Numerics;
using Basis.Venues.Ethereum.Aave;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Venues.Ethereum.EtherFi;

/// <summary>
/// EtherFi for the client's account: deposit ETH into the LiquidityPool for eETH (rebasing), wrap eETH into weETH
/// (non-rebasing, the token AAVE lists) and back; the weETH rate. Amounts in wei.
/// </summary>
public sealed class EtherFiStaking(EthereumClient client, string liquidityPool, string eEth, string weEth)
{
    /// <summary>Deposits <paramref name="ethWei"/> ETH; eETH arrives 1:1 with the ETH (less a wei of share rounding).</summary>
    public Task<TransactionReceipt> DepositAsync(BigInteger ethWei, CancellationToken cancellationToken = default) =>
        client.SendAsync(liquidityPool, new DepositFunction { AmountToSend = ethWei }, cancellationToken);

    /// <summary>Wraps <paramref name="eEthWei"/> eETH into weETH, approving the weETH contract once if needed.</summary>
    public async Task<TransactionReceipt> WrapAsync(BigInteger eEthWei, CancellationToken cancellationToken = default)
    {
        await new Erc20Token(client, eEth).ApproveOnceAsync(weEth, eEthWei, cancellationToken).ConfigureAwait(false);
        return await client.SendAsync(weEth, new WrapEEthFunction { EEthAmount = eEthWei }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs depositing <paramref name="ethWei"/> ETH at the account's next nonce, for the caller to record before it is sent.</summary>
    public async Task<SignedTransaction> SignDepositAsync(BigInteger ethWei, CancellationToken cancellationToken = default)
    {
        var nonce = await client.PendingNonceAsync(cancellationToken).ConfigureAwait(false);
        return await client.SignAsync(liquidityPool, new DepositFunction { AmountToSend = ethWei }, nonce, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Signs wrapping <paramref name="eEthWei"/> eETH at the account's next nonce, after approving the weETH contract
    /// once (a transaction of its own, sent at once and returned, or null when the allowance suffices).
    /// </summary>
    public async Task<(TransactionReceipt? Approval, SignedTransaction Wrap)> SignWrapAsync(BigInteger eEthWei, CancellationToken cancellationToken = default)
    {
        var approval = await new Erc20Token(client, eEth).ApproveOnceAsync(weEth, eEthWei, cancellationToken).ConfigureAwait(false);
        var nonce = await client.PendingNonceAsync(cancellationToken).ConfigureAwait(false);
        return (approval, await client.SignAsync(weEth, new WrapEEthFunction { EEthAmount = eEthWei }, nonce, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Unwraps <paramref name="weEthWei"/> weETH back into eETH.</summary>
    public Task<TransactionReceipt> UnwrapAsync(BigInteger weEthWei, CancellationToken cancellationToken = default) =>
        client.SendAsync(weEth, new UnwrapWeEthFunction { WeEthAmount = weEthWei }, cancellationToken);

    /// <summary>The weETH rate: eETH (≈ ETH) per weETH, e.g. 1.05 (<c>getRate</c>).</summary>
    public async Task<decimal> RateAsync() =>
        RayMath.FromWad(await client.QueryAsync<GetRateFunction, BigInteger>(weEth, new GetRateFunction()).ConfigureAwait(false));

    /// <summary>weETH minted for wrapping <paramref name="eEthWei"/> now.</summary>
    public Task<BigInteger> WeEthForEEthAsync(BigInteger eEthWei) =>
        client.QueryAsync<GetWeEthByEEthFunction, BigInteger>(weEth, new GetWeEthByEEthFunction { EEthAmount = eEthWei });

    /// <summary>eETH returned for unwrapping <paramref name="weEthWei"/> now.</summary>
    public Task<BigInteger> EEthForWeEthAsync(BigInteger weEthWei) =>
        client.QueryAsync<GetEEthByWeEthFunction, BigInteger>(weEth, new GetEEthByWeEthFunction { WeEthAmount = weEthWei });
}
