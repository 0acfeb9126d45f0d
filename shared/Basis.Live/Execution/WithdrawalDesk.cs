using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Venues.Exchanges;

namespace Basis.Live.Execution;

/// <summary>
/// Sends a real instance's withdrawals from the exchanges to its wallet (<see cref="ChainStepKind.ExchangeWithdrawal"/>
/// steps of the ledger's outbox), after its orders, whose proceeds they may carry. A withdrawal goes in three moves, each
/// recorded before the venue is asked:
/// <list type="number">
/// <item>the amount and the venue's fee are moved from the trading account into the one withdrawals leave from (Binance's
/// spot wallet, Bybit's and OKX's funding accounts): <see cref="ChainStepStatus.Moving"/>;</item>
/// <item>the venue is asked to send the amount to the wallet, the only address the clients are allowed to withdraw to:
/// <see cref="ChainStepStatus.Pending"/>, then <see cref="ChainStepStatus.Arriving"/> with the venue's withdrawal id;</item>
/// <item>the withdrawal is followed by that id. The ledger moves the amount and fee out of the venue into transit to the
/// wallet (<see cref="Transit"/>) as soon as the venue lists it, less the fee it reports, and from transit into the wallet
/// once the venue reports it complete. Both transfers are named by venue and id: two venues may number their
/// withdrawals alike.</item>
/// </list>
/// Neither move is idempotent at the venues, so a step found moving or pending (a host that stopped while asking) is
/// never asked again: the send fails saying so, for an operator to check the venue's history.
/// </summary>
/// <param name="ledger">The instance's ledger.</param>
/// <param name="exchanges">The venues' clients.</param>
/// <param name="wallet">The wallet's address on the chain, where withdrawals go.</param>
/// <param name="withdrawalFee">The venue's fee for withdrawing an asset, in that asset, which it charges on top of the amount.</param>
/// <param name="time">The clock steps are stamped by.</param>
public sealed class WithdrawalDesk(PostgresLiveLedger ledger, IExchangeClients exchanges, string wallet, Func<ExchangeVenue, string, decimal> withdrawalFee, TimeProvider time) : IOutboxDesk
{
    /// <summary>
    /// How far below a withdrawal and its fee the ledger's venue may hold, as a fraction of the instance's capital, for
    /// the withdrawal to take what is there instead (<see cref="LedgerFunds"/>): the venue's fees and fills were not the
    /// book's. A larger shortfall fails the step before the venue is asked.
    /// </summary>
    public decimal ShortfallTolerance { get; init; }

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var (requested, arrived) = (0, 0);
        foreach (var open in await ledger.ListOpenChainStepsAsync(instanceId, cancellationToken).ConfigureAwait(false))
        {
            if (open.Kind != ChainStepKind.ExchangeWithdrawal)
            {
                continue;
            }

            var step = open;
            var what = ChainStepDesk.Describe(step);
            if (step.Status is ChainStepStatus.Moving or ChainStepStatus.Pending)
            {
                var asked = step.Status == ChainStepStatus.Moving ? $"being moved into {step.Venue}'s withdrawal account" : $"being asked of {step.Venue}";
                return new SendOutcome(requested, arrived, $"the withdrawal {what} was {asked} when the host stopped, so whether that happened is unknown: check the venue's transfer and withdrawal history and finish the step by hand");
            }

            var venue = Enum.Parse<ExchangeVenue>(step.Venue!, ignoreCase: true);
            var exchange = exchanges.ClientOf(venue);

            if (step.Status == ChainStepStatus.Planned)
            {
                var fee = withdrawalFee(venue, step.Asset);
                decimal free;
                try
                {
                    // What the trading account can give up now: the margin of a position left open stays (a venue refuses more).
                    free = (await exchange.GetBalancesAsync(TradingAccount.Futures, cancellationToken).ConfigureAwait(false)).FirstOrDefault(b => b.Asset == step.Asset)?.Available ?? 0m;
                }
                catch (Exception e) when (e is ExchangeException or ExchangeConfigurationException or HttpRequestException)
                {
                    return new SendOutcome(requested, arrived, $"the withdrawal {what} could not start: {step.Venue}'s balance could not be read: {e.Message}");
                }

                var (spendable, shortfall) = await LedgerFunds.SpendableAsync(ledger, instanceId, step.Venue!, step.Asset, step.Amount + fee, ShortfallTolerance, cancellationToken, free).ConfigureAwait(false);
                if (spendable - fee is not { } amount || amount <= 0m)
                {
                    return new SendOutcome(requested, arrived, $"the withdrawal {what} cannot start: {shortfall ?? $"what the ledger's {step.Venue} holds does not cover its {fee} {step.Asset} fee"}");
                }

                step = step with { Amount = amount };
                var (asked, failure) = await RequestAsync(step, venue, exchange, what, cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                {
                    return new SendOutcome(requested, arrived, failure);
                }

                step = asked!;
                requested++;
            }

            WithdrawalRecord withdrawal;
            try
            {
                withdrawal = await exchange.GetWithdrawalAsync(step.VenueRef!, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is ExchangeException or HttpRequestException)
            {
                return new SendOutcome(requested, arrived, $"the withdrawal {what} was taken by {step.Venue} (id {step.VenueRef}), but it could not be looked up: {e.Message}");
            }

            // Amount and fee travel together: the fee is spent when the withdrawal arrives, and comes back with it when it fails.
            var now = time.GetUtcNow();
            var taken = withdrawal.Amount + withdrawal.Fee;
            await ledger.AppendTransferAsync(new LedgerTransfer(
                instanceId, $"{step.Venue}/{step.VenueRef}/sent", step.Asset, taken, 0m, step.Venue, Transit.To(ChainReader.Wallet), now), cancellationToken).ConfigureAwait(false);
            switch (withdrawal.Status)
            {
                case WithdrawalStatus.Pending or WithdrawalStatus.Sent:
                    return new SendOutcome(requested, arrived, null, $"the withdrawal {what} (id {step.VenueRef}) is on its way to the wallet");
                case WithdrawalStatus.Failed:
                    // Booked back at the venue, where reconciliation then checks that it really returned them (a venue that
                    // kept them shows as missing), instead of in transit for ever, which reconciles clean.
                    await ledger.AppendTransferAsync(new LedgerTransfer(
                        instanceId, $"{step.Venue}/{step.VenueRef}/returned", step.Asset, taken, 0m, Transit.To(ChainReader.Wallet), step.Venue, now), cancellationToken).ConfigureAwait(false);
                    await ledger.SaveChainStepAsync(step with { Status = ChainStepStatus.Failed, Reason = $"{step.Venue} lists the withdrawal as failed", UpdatedUtc = now }, cancellationToken).ConfigureAwait(false);
                    return new SendOutcome(requested, arrived, $"the withdrawal {what} (id {step.VenueRef}) failed at {step.Venue}: its {taken} {step.Asset} (amount and fee) are booked back at {step.Venue}, whose reconciliation checks they were returned; it waits in the venue's withdrawal account for an operator");
            }

            if (await ledger.AppendTransferAsync(new LedgerTransfer(
                    instanceId, $"{step.Venue}/{step.VenueRef}/arrived", step.Asset, taken, withdrawal.Fee, Transit.To(ChainReader.Wallet), ChainReader.Wallet, now), cancellationToken).ConfigureAwait(false))
            {
                arrived++;
            }

            await ledger.SaveChainStepAsync(step with { Status = ChainStepStatus.Confirmed, UpdatedUtc = now }, cancellationToken).ConfigureAwait(false);
        }

        return new SendOutcome(requested, arrived, null);
    }

    /// <summary>
    /// Moves the amount and the fee into the account withdrawals leave from, then asks for the withdrawal. Returns the step
    /// as the venue took it (arriving, with its withdrawal id), or why it could not be asked.
    /// </summary>
    private async Task<(LedgerChainStep? Asked, string? Failure)> RequestAsync(LedgerChainStep step, ExchangeVenue venue, IPerpExchange exchange, string what, CancellationToken cancellationToken)
    {
        var moving = step with { Status = ChainStepStatus.Moving, UpdatedUtc = time.GetUtcNow() };
        await ledger.SaveChainStepAsync(moving, cancellationToken).ConfigureAwait(false);
        try
        {
            await exchange.TransferAsync(step.Asset, step.Amount + withdrawalFee(venue, step.Asset), TransferDirection.FuturesToSpot, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException e) when (e.Kind != ExchangeErrorKind.ExchangeUnavailable)
        {
            // Refused: nothing moved, so the step is planned again and a later send asks once more.
            await ledger.SaveChainStepAsync(step with { UpdatedUtc = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            return (null, $"the withdrawal {what} could not start: {step.Venue} refused to move it out of the trading account: {e.Message}");
        }
        catch (Exception e) when (e is ExchangeException or ExchangeConfigurationException or HttpRequestException)
        {
            return (null, $"the withdrawal {what} could not start: whether {step.Venue} moved it out of the trading account is unknown: {e.Message}; check the venue's transfer history and finish the step by hand");
        }

        var pending = moving with { Status = ChainStepStatus.Pending, UpdatedUtc = time.GetUtcNow() };
        await ledger.SaveChainStepAsync(pending, cancellationToken).ConfigureAwait(false);
        string id;
        try
        {
            var request = new WithdrawalRequest(step.Asset, VenueSymbols.EthereumNetwork(venue), wallet, step.Amount, ClientOrderIds.Derive($"{step.InstanceId}/{step.StepId}"));
            id = await exchange.WithdrawAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WithdrawalNotAllowedException || (e is ExchangeException { Kind: not ExchangeErrorKind.ExchangeUnavailable }))
        {
            await ledger.SaveChainStepAsync(pending with { Status = ChainStepStatus.Failed, Reason = e.Message, UpdatedUtc = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            return (null, $"the withdrawal {what} was refused by {step.Venue}: {e.Message}; the amount waits in its withdrawal account for an operator");
        }
        catch (Exception e) when (e is ExchangeException or HttpRequestException)
        {
            return (null, $"the withdrawal {what} was asked of {step.Venue}, but no answer came, so whether it was taken is unknown: {e.Message}; check the venue's withdrawal history and finish the step by hand");
        }

        var asked = pending with { Status = ChainStepStatus.Arriving, VenueRef = id, UpdatedUtc = time.GetUtcNow() };
        await ledger.SaveChainStepAsync(asked, cancellationToken).ConfigureAwait(false);
        return (asked, null);
    }
}
