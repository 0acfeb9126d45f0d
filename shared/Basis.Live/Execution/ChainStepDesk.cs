using System.Globalization;
using System.Numerics;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Ethereum.EtherFi;
using Basis.Venues.Ethereum.Lido;
using Basis.Venues.Ethereum.Uniswap;
using Basis.Venues.Exchanges;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Live.Execution;

/// <summary>
/// Sends a real instance's on-chain steps (AAVE v3 supplies and withdrawals, wrapping ETH into WETH and back, staking ETH
/// with EtherFi or Lido (<see cref="LiquidStaking"/>), swaps on Uniswap v3, deposits to the exchanges, a leveraged loop's
/// atomic plans through the instance's leverage executor) from the ledger's
/// outbox with the instance's account. A step's transaction is signed at the account's next nonce and its hash, nonce
/// and bytes are recorded <b>before</b> it is sent; a step found signed (a send a crash cut short) is looked up by its
/// hash and, when not mined, sent again as the very same bytes. So a step is one transaction whatever happens in
/// between. A mined step is recorded as the transaction (its gas, which the wallet's ETH paid, and block) and as what it
/// moved: the transfer between the wallet and AAVE, or the wallet's ETH exchanged one for one for WETH (a fill at the
/// wallet), or for a stake or a swap what the tokens' <c>Transfer</c> events say was minted, taken or given (the rate or
/// the pool's price is the block's), which is what reconciliation compares with the chain. A transaction mined but
/// reverted is recorded failed, with the gas it still cost. AAVE's interest on what the instance supplied and borrowed
/// is booked before the steps are sent and after each that changes it (<see cref="AaveInterest"/>).
/// </summary>
/// <remarks>
/// A deposit to an exchange goes on after its transaction: mined, its tokens are in transit to the venue
/// (<see cref="Transit"/>) until the venue lists the transaction as credited; then they are moved from the account the
/// venue credits deposits to (Binance's spot wallet, Bybit's and OKX's funding accounts) into the one its perpetuals take
/// margin from, and are the venue's. Until then the deposit waits: the chain steps after it go on, but the send reports
/// it waiting, and the instance's orders wait behind it, since they may need the margin.
/// </remarks>
public sealed partial class ChainStepDesk(PostgresLiveLedger ledger, EthereumClient client, AavePool aave, IReadOnlyList<ChainToken> tokens, IExchangeClients exchanges, TimeProvider time) : IOutboxDesk
{
    /// <summary>The ledger's name of the token ETH is wrapped into.</summary>
    public const string WrappedEth = "WETH";

    /// <summary>
    /// How long a signed swap stays valid on the chain: one sent again after a crash later than this reverts (recorded
    /// failed) rather than trading at a bound set for another hour.
    /// </summary>
    public static readonly TimeSpan SwapValidity = TimeSpan.FromMinutes(30);

    /// <summary>EtherFi's LiquidityPool, for staking steps; null on a chain whose contracts list none.</summary>
    public string? EtherFiLiquidityPool { get; init; }

    /// <summary>Uniswap v3's router and pools, for swap steps; null on a chain whose contracts list none.</summary>
    public UniswapRoutes? Uniswap { get; init; }

    /// <summary>AAVE's eMode category of ETH and its staking tokens, which the account enters before its first lever; null where none is listed.</summary>
    public byte? EthEModeCategory { get; init; }

    /// <summary>
    /// How far below a supply's or a deposit's amount the ledger's wallet may hold, as a fraction of the instance's
    /// capital, for the step to take what is there instead (<see cref="LedgerFunds"/>): a swap before it costs what the
    /// pool asks, not the book's cost model. A larger shortfall fails the step unsent.
    /// </summary>
    public decimal ShortfallTolerance { get; init; }

    /// <inheritdoc />
    public async Task<SendOutcome> SendAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var (mined, recorded) = (0, 0);
        string? waiting = null;
        if (await BookInterestAsync(instanceId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false) is { } unbooked)
        {
            return new SendOutcome(mined, recorded, unbooked);
        }

        foreach (var open in await ledger.ListOpenChainStepsAsync(instanceId, cancellationToken).ConfigureAwait(false))
        {
            var step = open;
            var what = Describe(step);
            if (step.Kind == ChainStepKind.ExchangeWithdrawal)
            {
                // The steps after a withdrawal may spend what it brings: they wait for the withdrawal desk to see it arrive.
                return new SendOutcome(mined, recorded, null, waiting ?? $"the chain steps after the withdrawal {what} wait for it to arrive in the wallet", LaterDesksGo: waiting is null);
            }

            if (step.Status is ChainStepStatus.Arriving or ChainStepStatus.Moving)
            {
                // Nothing on the chain needs a deposit to have arrived: the steps after one go on while it waits.
                var followed = await FollowDepositAsync(instanceId, step, what, cancellationToken).ConfigureAwait(false);
                recorded += followed.Credited ? 1 : 0;
                if (followed.Failure is not null)
                {
                    return new SendOutcome(mined, recorded, followed.Failure);
                }

                waiting ??= followed.Waiting;
                continue;
            }

            if (Unsendable(step) is { } missing)
            {
                return new SendOutcome(mined, recorded, $"the chain step {what} cannot be sent: {missing}");
            }

            var token = Token(TokenOf(step.Kind) ?? step.Asset)!;

            TransactionReceipt receipt;
            try
            {
                if (step.Status == ChainStepStatus.Planned)
                {
                    var (affordable, shortfall) = await WithinWalletAsync(instanceId, step, cancellationToken).ConfigureAwait(false);
                    if (affordable is null)
                    {
                        return new SendOutcome(mined, recorded, $"the chain step {what} cannot be sent: {shortfall}");
                    }

                    step = affordable;
                    var signed = await SignAsync(instanceId, step, token, cancellationToken).ConfigureAwait(false);
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
                // A transaction that reverted on chain (not merely in its estimate) still cost its gas.
                if (e is EthereumRevertException && step.TxHash is { } hash && await client.FindReceiptAsync(hash, cancellationToken).ConfigureAwait(false) is { } reverted)
                {
                    await RecordTransactionAsync(instanceId, PlanName(step.Kind), reverted, TransactionStatus.Failed, step.CreatedUtc, cancellationToken).ConfigureAwait(false);
                }

                await ledger.SaveChainStepAsync(step with { Status = ChainStepStatus.Failed, Reason = e.Message, UpdatedUtc = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
                return new SendOutcome(mined, recorded, $"the chain step {what} {(e is NonceUsedException ? "can never be mined" : "reverted")}: {e.Message}");
            }
            catch (Exception e) when (e is ExchangeException or ExchangeConfigurationException)
            {
                return new SendOutcome(mined, recorded, $"the chain step {what} could not be signed: the venue gave no deposit address: {e.Message}");
            }
            catch (Exception e) when (e is RpcClientUnknownException or RpcResponseException or RpcClientTimeoutException or TimeoutException or HttpRequestException)
            {
                return new SendOutcome(mined, recorded, $"the chain step {what} could not be sent (the node did not take it or no receipt came): {e.Message}");
            }

            mined++;
            var now = time.GetUtcNow();
            await RecordTransactionAsync(instanceId, PlanName(step.Kind), receipt, TransactionStatus.Confirmed, step.CreatedUtc, cancellationToken).ConfigureAwait(false);
            if (await RecordEffectAsync(instanceId, step, receipt, now, cancellationToken).ConfigureAwait(false))
            {
                recorded++;
            }

            if (step.Kind != ChainStepKind.ExchangeDeposit)
            {
                await ledger.SaveChainStepAsync(step with { Status = ChainStepStatus.Confirmed, UpdatedUtc = now }, cancellationToken).ConfigureAwait(false);
                if ((step.Kind is ChainStepKind.AaveSupply or ChainStepKind.AaveWithdraw || IsLoop(step.Kind))
                    && await BookInterestAsync(instanceId, now, cancellationToken).ConfigureAwait(false) is { } notBooked)
                {
                    // The holding's new balance accrues from here: unbooked, the step stays confirmed and the send stops.
                    return new SendOutcome(mined, recorded, notBooked);
                }

                continue;
            }

            step = step with { Status = ChainStepStatus.Arriving, UpdatedUtc = now };
            await ledger.SaveChainStepAsync(step, cancellationToken).ConfigureAwait(false);
            var arrival = await FollowDepositAsync(instanceId, step, what, cancellationToken).ConfigureAwait(false);
            recorded += arrival.Credited ? 1 : 0;
            if (arrival.Failure is not null)
            {
                return new SendOutcome(mined, recorded, arrival.Failure);
            }

            waiting ??= arrival.Waiting;
        }

        return new SendOutcome(mined, recorded, null, waiting);
    }

    /// <summary>Books AAVE's interest (<see cref="AaveInterest"/>); why not, when the node could not be read.</summary>
    private async Task<string?> BookInterestAsync(string instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await AaveInterest.BookAsync(ledger, instanceId, aave, tokens, now, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is RpcClientUnknownException or RpcResponseException or RpcClientTimeoutException or TimeoutException or HttpRequestException)
        {
            return $"AAVE's interest could not be booked: the node did not answer its reserve indices: {e.Message}";
        }
    }

    /// <summary>
    /// The step as it can be sent from what the ledger's wallet holds: as it is, or, for a supply or a deposit the wallet
    /// falls short of within <see cref="ShortfallTolerance"/>, taking what is there (<see cref="LedgerFunds"/>); or null
    /// and why. An unwrap takes the WETH there when that is less: after an LST sale, it is what the sale gave, which the
    /// sale's own bound already held to the book.
    /// </summary>
    private async Task<(LedgerChainStep? Step, string? Shortfall)> WithinWalletAsync(string instanceId, LedgerChainStep step, CancellationToken cancellationToken)
    {
        switch (step.Kind)
        {
            case ChainStepKind.AaveSupply or ChainStepKind.ExchangeDeposit:
                var (spendable, shortfall) = await LedgerFunds.SpendableAsync(ledger, instanceId, ChainReader.Wallet, step.Asset, step.Amount, ShortfallTolerance, cancellationToken).ConfigureAwait(false);
                return spendable is { } amount ? (step with { Amount = Math.Round(amount, 8, MidpointRounding.ToZero) }, null) : (null, shortfall);
            case ChainStepKind.UnwrapEth:
                var held = await LedgerFunds.HeldAsync(ledger, instanceId, ChainReader.Wallet, WrappedEth, cancellationToken).ConfigureAwait(false);
                // All of it when less, to the wei: an unwrap leaves no dust.
                return held >= step.Amount ? (step, null)
                    : held > 0m ? (step with { Amount = held }, null)
                    : (null, $"the ledger's wallet holds no {WrappedEth} to unwrap");
            default:
                return (step, null);
        }
    }

    /// <summary>The token a step of <paramref name="kind"/> sends or wraps, when it is not the step's asset.</summary>
    private static string? TokenOf(ChainStepKind kind) => kind switch
    {
        ChainStepKind.WrapEth or ChainStepKind.UnwrapEth => WrappedEth,
        _ => LiquidStaking.Of(kind) is { } staking && kind == staking.Stake ? staking.Rebasing : null,
    };

    private ChainToken? Token(string symbol) => tokens.FirstOrDefault(t => t.Symbol == symbol);

    /// <summary>What this host lacks to send <paramref name="step"/>, or null when it has everything.</summary>
    private string? Unsendable(LedgerChainStep step)
    {
        if (IsLoop(step.Kind))
        {
            return LoopUnsendable(step);
        }

        var symbol = TokenOf(step.Kind) ?? step.Asset;
        if (Token(symbol) is null)
        {
            return $"this host knows no {symbol} token on its chain";
        }

        if (step.Kind is ChainStepKind.SwapExactIn or ChainStepKind.SwapExactOut)
        {
            return Token(step.Counter!) is null ? $"this host knows no {step.Counter} token on its chain"
                : Uniswap is null ? "this host's chain contracts list no uniswap_v3.swap_router"
                : Uniswap.FeeTier(step.Asset, step.Counter!) is null ? $"this host's chain contracts list no uniswap_v3.fee_tiers for {step.Asset}/{step.Counter}"
                : null;
        }

        return LiquidStaking.Of(step.Kind) switch
        {
            null => null,
            { } staking when Token(staking.Wrapped) is null => $"this host knows no {staking.Wrapped} token on its chain",
            { } staking when staking == LiquidStaking.EtherFi && EtherFiLiquidityPool is null => "this host's chain contracts list no etherfi.liquidity_pool",
            _ => null,
        };
    }

    private EtherFiStaking EtherFi() => new(client, EtherFiLiquidityPool!, Token(LiquidStaking.EtherFi.Rebasing)!.Address, Token(LiquidStaking.EtherFi.Wrapped)!.Address);

    private LidoStaking Lido() => new(client, Token(LiquidStaking.Lido.Rebasing)!.Address, Token(LiquidStaking.Lido.Wrapped)!.Address);

    /// <summary>A step as messages name it: <c>ExchangeDeposit of 4000 USDT to bybit (2025-01-01T00:00Z/chain/0)</c>.</summary>
    internal static string Describe(LedgerChainStep step) => string.Create(CultureInfo.InvariantCulture,
        $"{step.Kind} of {step.Amount} {step.Asset}{(step.Counter is { } counter ? $" for {counter}{(step.Limit is { } limit ? $" (limit {limit})" : null)}" : null)}{(step.Flash is { } flash ? $" with a flash loan of {flash} WETH" : null)}{(step.Venue is not { } venue ? null : step.Kind == ChainStepKind.ExchangeWithdrawal ? $" from {venue}" : $" to {venue}")} ({step.StepId})");

    /// <summary>
    /// Follows a mined deposit to its venue: waiting while the venue does not list its transaction as credited; once it
    /// does, moving what was credited into the trading account and recording it there (the difference to what was sent,
    /// if any, as the deposit's fee). The step is marked moving before the venue is asked to move it, so a host that stops
    /// in between finds out that the move's outcome is unknown rather than moving the money twice.
    /// </summary>
    private async Task<(bool Credited, string? Failure, string? Waiting)> FollowDepositAsync(string instanceId, LedgerChainStep step, string what, CancellationToken cancellationToken)
    {
        var location = step.Venue!;
        if (step.Status == ChainStepStatus.Moving)
        {
            return (false, $"the chain step {what} was credited and being moved into {location}'s trading account when the host stopped, so whether it was moved is unknown: check the venue's transfer history and finish the step by hand", null);
        }

        var exchange = exchanges.ClientOf(Enum.Parse<ExchangeVenue>(location, ignoreCase: true));
        DepositRecord? deposit;
        try
        {
            // From an hour before the step was written: a venue's clock may run a little behind ours.
            var deposits = await exchange.GetDepositsAsync(step.Asset, step.CreatedUtc.AddHours(-1), cancellationToken).ConfigureAwait(false);
            deposit = deposits.FirstOrDefault(d => string.Equals(d.TxHash, step.TxHash, StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is ExchangeException or ExchangeConfigurationException or HttpRequestException)
        {
            return (false, $"the chain step {what} is mined ({step.TxHash}), but {location}'s deposits could not be read: {e.Message}", null);
        }

        switch (deposit?.Status)
        {
            case null or DepositStatus.Pending:
                return (false, null, $"the chain step {what} is mined ({step.TxHash}) and {location} has {(deposit is null ? "not seen it yet" : "not credited it yet")}");
            case DepositStatus.Failed:
                await ledger.SaveChainStepAsync(step with { Status = ChainStepStatus.Failed, Reason = $"{location} lists the deposit as failed", UpdatedUtc = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
                return (false, $"the chain step {what} is mined ({step.TxHash}), but {location} lists the deposit as failed: it will not be credited", null);
        }

        await ledger.SaveChainStepAsync(step with { Status = ChainStepStatus.Moving, UpdatedUtc = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
        try
        {
            await exchange.TransferAsync(step.Asset, deposit.Amount, TransferDirection.SpotToFutures, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException e) when (e.Kind != ExchangeErrorKind.ExchangeUnavailable)
        {
            // Refused: nothing moved, so the step is arriving again and the next send asks once more.
            await ledger.SaveChainStepAsync(step with { UpdatedUtc = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            return (false, $"the chain step {what} is credited, but {location} refused to move it into its trading account: {e.Message}", null);
        }
        catch (Exception e) when (e is ExchangeException or HttpRequestException)
        {
            return (false, $"the chain step {what} is credited, but whether {location} moved it into its trading account is unknown: {e.Message}; check the venue's transfer history and finish the step by hand", null);
        }

        var now = time.GetUtcNow();
        var credited = await ledger.AppendTransferAsync(
            new LedgerTransfer(instanceId, $"{step.TxHash}/credited", step.Asset, step.Amount, Math.Max(0m, step.Amount - deposit.Amount), Transit.To(location), location, now), cancellationToken).ConfigureAwait(false);
        await ledger.SaveChainStepAsync(step with { Status = ChainStepStatus.Confirmed, UpdatedUtc = now }, cancellationToken).ConfigureAwait(false);
        return (credited, null, null);
    }

    /// <summary>
    /// Signs the step's transaction at the account's next nonce. A supply first approves the pool once (a transaction of
    /// its own, sent and recorded at once: it moves nothing, and approving again is harmless).
    /// </summary>
    private async Task<SignedTransaction> SignAsync(string instanceId, LedgerChainStep step, ChainToken token, CancellationToken cancellationToken)
    {
        var units = Units(step.Amount, token);
        switch (step.Kind)
        {
            case ChainStepKind.AaveSupply:
                await RecordApprovalAsync(instanceId, await new Erc20Token(client, token.Address).ApproveOnceAsync(aave.Address, units, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                return await aave.SignSupplyAsync(token.Address, units, cancellationToken).ConfigureAwait(false);
            case ChainStepKind.AaveWithdraw:
                return await aave.SignWithdrawAsync(token.Address, units, cancellationToken).ConfigureAwait(false);
            case ChainStepKind.WrapEth:
                return await new WrappedEther(client, token.Address).SignWrapAsync(units, cancellationToken).ConfigureAwait(false);
            case ChainStepKind.UnwrapEth:
                return await new WrappedEther(client, token.Address).SignUnwrapAsync(units, cancellationToken).ConfigureAwait(false);
            case ChainStepKind.EtherFiDeposit:
                return await EtherFi().SignDepositAsync(units, cancellationToken).ConfigureAwait(false);
            case ChainStepKind.LidoSubmit:
                return await Lido().SignSubmitAsync(units, cancellationToken).ConfigureAwait(false);
            case ChainStepKind.WrapEEth or ChainStepKind.WrapStEth:
                // A stake mints a wei or so less than the ETH it took: what the wallet holds is wrapped, never more.
                var held = BigInteger.Min(units, await new Erc20Token(client, token.Address).BalanceOfAsync().ConfigureAwait(false));
                var (stakeApproval, wrap) = step.Kind == ChainStepKind.WrapEEth
                    ? await EtherFi().SignWrapAsync(held, cancellationToken).ConfigureAwait(false)
                    : await Lido().SignWrapAsync(held, cancellationToken).ConfigureAwait(false);
                await RecordApprovalAsync(instanceId, stakeApproval, cancellationToken).ConfigureAwait(false);
                return wrap;
            case ChainStepKind.SwapExactIn or ChainStepKind.SwapExactOut:
                var counter = Token(step.Counter!)!;
                var limit = Units(step.Limit!.Value, counter);
                var router = new UniswapV3Router(client, Uniswap!.SwapRouter);
                var tier = Uniswap.FeeTier(step.Asset, step.Counter!)!.Value;
                var (swapApproval, swap) = step.Kind == ChainStepKind.SwapExactIn
                    ? await router.SignExactInputSingleAsync(token.Address, counter.Address, tier, units, limit, SwapValidity, cancellationToken).ConfigureAwait(false)
                    : await router.SignExactOutputSingleAsync(counter.Address, token.Address, tier, units, limit, SwapValidity, cancellationToken).ConfigureAwait(false);
                await RecordApprovalAsync(instanceId, swapApproval, cancellationToken).ConfigureAwait(false);
                return swap;
            case ChainStepKind.LoopLever or ChainStepKind.LoopDeleverage or ChainStepKind.LoopUnwind:
                return await SignLoopAsync(instanceId, step, cancellationToken).ConfigureAwait(false);
            case ChainStepKind.ExchangeDeposit:
                var venue = Enum.Parse<ExchangeVenue>(step.Venue!, ignoreCase: true);
                var address = await exchanges.ClientOf(venue).GetDepositAddressAsync(step.Asset, VenueSymbols.EthereumNetwork(venue), cancellationToken).ConfigureAwait(false);
                if (address.Tag is not null || !address.Address.StartsWith("0x", StringComparison.Ordinal) || address.Address.Length != 42)
                {
                    throw new ExchangeException(venue, ExchangeErrorKind.InvalidRequest, null, $"{step.Venue}'s {step.Asset} deposit address '{address.Address}' is not an Ethereum address without a memo");
                }

                return await new Erc20Token(client, token.Address).SignTransferAsync(address.Address, units, cancellationToken).ConfigureAwait(false);
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "not a chain step this desk sends");
        }
    }

    /// <summary>
    /// Records what a mined step moved: a supply or withdrawal as the transfer between the wallet and AAVE, a deposit as
    /// the transfer from the wallet into transit to its venue; a wrap or an unwrap as the wallet's ETH exchanged for WETH
    /// one for one; a stake as the ETH exchanged for the rebasing token minted (eETH, stETH), and its wrap as that token
    /// taken exchanged for the wrapped one minted (weETH, wstETH), read from the receipt's <c>Transfer</c> events (spot
    /// fills at the wallet, without a fee: the gas is the transaction's). Returns false when it was recorded already.
    /// </summary>
    private Task<bool> RecordEffectAsync(string instanceId, LedgerChainStep step, TransactionReceipt receipt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (IsLoop(step.Kind))
        {
            return RecordLoopAsync(instanceId, step, receipt, now, cancellationToken);
        }

        if (step.Kind is ChainStepKind.SwapExactIn or ChainStepKind.SwapExactOut)
        {
            // The exact side is the step's; the pool set the other, which the counter token's Transfer gives.
            var account = client.Account.Address;
            var sells = step.Kind == ChainStepKind.SwapExactIn;
            var counter = sells ? Moved(receipt, step.Counter!, null, account) : Moved(receipt, step.Counter!, account, null);
            if (counter <= 0m)
            {
                throw new InvalidOperationException($"the chain step {Describe(step)} was mined ({step.TxHash}) but its receipt shows no {step.Counter} {(sells ? "received" : "paid")}");
            }

            return ledger.AppendFillAsync(new LedgerFill(
                instanceId, ChainReader.Wallet, step.TxHash!, step.StepId, step.Asset, MarketType.Spot, step.Asset, step.Counter!, sells ? OrderSide.Sell : OrderSide.Buy,
                step.Amount, counter / step.Amount, 0m, step.Counter!, now), cancellationToken);
        }

        if (LiquidStaking.Of(step.Kind) is { } staking)
        {
            var account = client.Account.Address;
            var stakes = step.Kind == staking.Stake;
            var (boughtAsset, soldAsset) = stakes ? (staking.Rebasing, ChainReader.NativeEth) : (staking.Wrapped, staking.Rebasing);
            var bought = Minted(receipt, boughtAsset, account);
            var paid = stakes ? step.Amount : Moved(receipt, staking.Rebasing, account, Token(staking.Wrapped)!.Address);
            if (bought <= 0m)
            {
                throw new InvalidOperationException($"the chain step {Describe(step)} was mined ({step.TxHash}) but its receipt shows no {boughtAsset} minted to the account");
            }

            return ledger.AppendFillAsync(new LedgerFill(
                instanceId, ChainReader.Wallet, step.TxHash!, step.StepId, boughtAsset, MarketType.Spot, boughtAsset, soldAsset, OrderSide.Buy, bought, paid / bought, 0m, soldAsset, now), cancellationToken);
        }

        if (step.Kind is ChainStepKind.AaveSupply or ChainStepKind.AaveWithdraw or ChainStepKind.ExchangeDeposit)
        {
            var (from, to) = step.Kind switch
            {
                ChainStepKind.AaveSupply => (ChainReader.Wallet, ChainReader.AaveSupplied),
                ChainStepKind.AaveWithdraw => (ChainReader.AaveSupplied, ChainReader.Wallet),
                _ => (ChainReader.Wallet, Transit.To(step.Venue!)),
            };
            return ledger.AppendTransferAsync(new LedgerTransfer(instanceId, step.TxHash!, step.Asset, step.Amount, 0m, from, to, now), cancellationToken);
        }

        var side = step.Kind == ChainStepKind.WrapEth ? OrderSide.Buy : OrderSide.Sell;
        return ledger.AppendFillAsync(new LedgerFill(
            instanceId, ChainReader.Wallet, step.TxHash!, step.StepId, WrappedEth, MarketType.Spot, WrappedEth, ChainReader.NativeEth, side, step.Amount, 1m, 0m, ChainReader.NativeEth, now), cancellationToken);
    }

    /// <summary>Records a token's one-time approval a step sent before its own transaction, when it needed one.</summary>
    private Task RecordApprovalAsync(string instanceId, TransactionReceipt? approval, CancellationToken cancellationToken) =>
        approval is null ? Task.CompletedTask : RecordTransactionAsync(instanceId, "approve", approval, TransactionStatus.Confirmed, time.GetUtcNow(), cancellationToken);

    /// <summary>Records a mined transaction with the gas it cost, which the wallet's ETH paid.</summary>
    private Task RecordTransactionAsync(string instanceId, string planName, TransactionReceipt receipt, TransactionStatus status, DateTimeOffset createdUtc, CancellationToken cancellationToken) =>
        ledger.SaveTransactionAsync(new LedgerTransaction(
            receipt.TransactionHash, instanceId, planName, status, (long)receipt.GasUsed.Value,
            receipt.EffectiveGasPrice is { } price ? (decimal)price.Value : null, (long)receipt.BlockNumber.Value, createdUtc, time.GetUtcNow()), cancellationToken);

    private static string PlanName(ChainStepKind kind) => kind switch
    {
        ChainStepKind.AaveSupply => "aave_supply",
        ChainStepKind.AaveWithdraw => "aave_withdraw",
        ChainStepKind.WrapEth => "wrap_eth",
        ChainStepKind.UnwrapEth => "unwrap_eth",
        ChainStepKind.ExchangeDeposit => "exchange_deposit",
        ChainStepKind.EtherFiDeposit => "etherfi_deposit",
        ChainStepKind.WrapEEth => "wrap_eeth",
        ChainStepKind.LidoSubmit => "lido_submit",
        ChainStepKind.WrapStEth => "wrap_steth",
        ChainStepKind.SwapExactIn or ChainStepKind.SwapExactOut => "uniswap_swap",
        ChainStepKind.LoopLever => "loop_lever",
        ChainStepKind.LoopDeleverage => "loop_deleverage",
        ChainStepKind.LoopUnwind => "loop_unwind",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Sends the step's signed bytes (again, after a crash: the node takes the same transaction once) and waits for it.</summary>
    private async Task<TransactionReceipt> SendAgainAsync(LedgerChainStep step, CancellationToken cancellationToken)
    {
        await client.BroadcastAsync(new SignedTransaction(step.TxHash!, step.RawTx!, step.Nonce!.Value), cancellationToken).ConfigureAwait(false);
        return await client.WaitForReceiptAsync(step.TxHash!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <paramref name="symbol"/> the receipt's transaction minted to <paramref name="account"/>, in token units.</summary>
    private decimal Minted(TransactionReceipt receipt, string symbol, string account) => Moved(receipt, symbol, Erc20Token.ZeroAddress, account);

    private decimal Moved(TransactionReceipt receipt, string symbol, string? from, string? to)
    {
        var token = Token(symbol)!;
        return RayMath.Scale(new Erc20Token(client, token.Address).MovedIn(receipt, from, to), token.Decimals);
    }

    /// <summary><paramref name="amount"/> of <paramref name="token"/> in its smallest units, never rounded up.</summary>
    private static BigInteger Units(decimal amount, ChainToken token) => new(decimal.Truncate(amount * (decimal)Math.Pow(10, token.Decimals)));
}
