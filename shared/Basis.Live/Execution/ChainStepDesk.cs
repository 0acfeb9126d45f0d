using System.Globalization;
using System.Numerics;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Live.Execution;

/// <summary>
/// Sends a real instance's on-chain steps (AAVE v3 supplies and withdrawals) from the ledger's outbox with the
/// instance's account. A step's transaction is signed at the account's next nonce and its hash, nonce and bytes are
/// recorded <b>before</b> it is sent; a step found signed (a send a crash cut short) is looked up by its hash and, when
/// not mined, sent again as the very same bytes. So a step is one transaction whatever happens in between. A mined step
/// is recorded as the transaction (gas, block) and as the transfer it made between the wallet and AAVE, which is what
/// reconciliation compares with the chain.
/// </summary>
public sealed class ChainStepDesk(PostgresLiveLedger ledger, EthereumClient client, AavePool aave, IReadOnlyList<ChainToken> tokens, TimeProvider time) : IOutboxDesk
{
    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var (mined, recorded) = (0, 0);
        foreach (var open in await ledger.ListOpenChainStepsAsync(instanceId, cancellationToken).ConfigureAwait(false))
        {
            var step = open;
            var what = string.Create(CultureInfo.InvariantCulture, $"{step.Kind} of {step.Amount} {step.Asset} ({step.StepId})");
            if (tokens.FirstOrDefault(t => t.Symbol == step.Asset) is not { } token)
            {
                return new SendOutcome(mined, recorded, $"the chain step {what} cannot be sent: this host knows no {step.Asset} token on its chain");
            }

            TransactionReceipt receipt;
            try
            {
                if (step.Status == ChainStepStatus.Planned)
                {
                    var units = new BigInteger(decimal.Truncate(step.Amount * Pow10(token.Decimals)));
                    var signed = step.Kind == ChainStepKind.AaveSupply
                        ? await aave.SignSupplyAsync(token.Address, units, cancellationToken).ConfigureAwait(false)
                        : await aave.SignWithdrawAsync(token.Address, units, cancellationToken).ConfigureAwait(false);
                    step = step with { Status = ChainStepStatus.Pending, Nonce = signed.Nonce, TxHash = signed.Hash, RawTx = signed.Raw, UpdatedUtc = time.GetUtcNow() };
                    await ledger.SaveChainStepAsync(step, cancellationToken).ConfigureAwait(false);
                }

                receipt = await client.FindReceiptAsync(step.TxHash!, cancellationToken).ConfigureAwait(false)
                    ?? await SendAgainAsync(step, cancellationToken).ConfigureAwait(false);
                if (receipt.Status?.Value != BigInteger.One)
                {
                    // Mined but reverted: wait for the replay's reason the client gives.
                    receipt = await client.WaitForReceiptAsync(step.TxHash!, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is EthereumRevertException or NonceUsedException)
            {
                await ledger.SaveChainStepAsync(step with { Status = ChainStepStatus.Failed, Reason = e.Message, UpdatedUtc = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
                return new SendOutcome(mined, recorded, $"the chain step {what} {(e is NonceUsedException ? "can never be mined" : "reverted")}: {e.Message}");
            }
            catch (Exception e) when (e is RpcClientUnknownException or RpcResponseException or RpcClientTimeoutException or TimeoutException or HttpRequestException)
            {
                return new SendOutcome(mined, recorded, $"the chain step {what} could not be sent (the node did not take it or no receipt came): {e.Message}");
            }

            mined++;
            var now = time.GetUtcNow();
            await ledger.SaveTransactionAsync(new LedgerTransaction(
                step.TxHash!, instanceId, step.Kind == ChainStepKind.AaveSupply ? "aave_supply" : "aave_withdraw", TransactionStatus.Confirmed,
                (long)receipt.GasUsed.Value, receipt.EffectiveGasPrice is { } price ? (decimal)price.Value : null, (long)receipt.BlockNumber.Value, step.CreatedUtc, now), cancellationToken).ConfigureAwait(false);
            var (from, to) = step.Kind == ChainStepKind.AaveSupply ? (ChainReader.Wallet, ChainReader.AaveSupplied) : (ChainReader.AaveSupplied, ChainReader.Wallet);
            if (await ledger.AppendTransferAsync(new LedgerTransfer(instanceId, step.TxHash!, step.Asset, step.Amount, 0m, from, to, now), cancellationToken).ConfigureAwait(false))
            {
                recorded++;
            }

            await ledger.SaveChainStepAsync(step with { Status = ChainStepStatus.Confirmed, UpdatedUtc = now }, cancellationToken).ConfigureAwait(false);
        }

        return new SendOutcome(mined, recorded, null);
    }

    /// <summary>Sends the step's signed bytes (again, after a crash: the node takes the same transaction once) and waits for it.</summary>
    private async Task<TransactionReceipt> SendAgainAsync(LedgerChainStep step, CancellationToken cancellationToken)
    {
        await client.BroadcastAsync(new SignedTransaction(step.TxHash!, step.RawTx!, step.Nonce!.Value), cancellationToken).ConfigureAwait(false);
        return await client.WaitForReceiptAsync(step.TxHash!, cancellationToken).ConfigureAwait(false);
    }

    private static decimal Pow10(int decimals) => (decimal)Math.Pow(10, decimals);
}
