using System.Numerics;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace Basis.Venues.Ethereum;

/// <summary>
/// Hands out one account's nonces in one process. Assigning a nonce and handing the signed transaction to the node
/// happen under one lock, so concurrent sends get consecutive nonces and a send the node refused leaves no gap.
/// The first send (a fresh process, i.e. after a restart) reads the chain's pending transaction count; so does the
/// next send after a failure whose effect is unknown. A "nonce too low" answer (another process or a restart sent
/// from the account meanwhile) resyncs from the chain and retries.
/// </summary>
public sealed class NonceManager(IWeb3 web3, string address) : IDisposable
{
    private const int Attempts = 3;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BigInteger? _next;

    /// <summary>Runs <paramref name="send"/> with the next nonce; the nonce is used up only when it succeeds.</summary>
    public async Task<T> SendWithNextNonceAsync<T>(Func<BigInteger, Task<T>> send, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(send);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                _next ??= await PendingNonceAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var result = await send(_next.Value).ConfigureAwait(false);
                    _next++;
                    return result;
                }
                catch (RpcResponseException e) when (IsNonceTooLow(e) && attempt < Attempts)
                {
                    _next = null;
                }
                catch
                {
                    // The node may or may not hold the transaction: ask the chain next time rather than guess.
                    _next = null;
                    throw;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The chain's next nonce for the account (pending transactions counted), read now; what this manager would use next
    /// is forgotten, so a transaction sent around it (signed ahead and broadcast) is never given the same nonce.
    /// </summary>
    public async Task<BigInteger> PeekFreshAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _next = null;
            return await PendingNonceAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The nonce the next send will use (reads the chain when not yet known).</summary>
    public async Task<BigInteger> PeekAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _next ??= await PendingNonceAsync(cancellationToken).ConfigureAwait(false);
            return _next.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static bool IsNonceTooLow(RpcResponseException e) =>
        e.Message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase) ||
        (e.RpcError?.Message?.Contains("nonce too low", StringComparison.OrdinalIgnoreCase) ?? false);

    private async Task<BigInteger> PendingNonceAsync(CancellationToken cancellationToken) =>
        (await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address, BlockParameter.CreatePending())
            .WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
}
