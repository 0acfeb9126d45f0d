using System.Diagnostics;
using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Trading;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Venues.Exchanges;

namespace Basis.Orchestrations.Live;

/// <summary>
/// The real desk's plan of an hour. For each perpetual and each spot coin the strategy traded in the hour, the order
/// that brings the venue (the ledger's fills and the orders still open) to what the book holds at the end of the hour, its
/// perpetual's size or its coin's balance there, rounded to the venue's quantity step and cut into parts no larger than
/// the trade cap: steering to the book's position rather than copying each intent keeps the venue within a step of the
/// book however many hours pass. For each AAVE supply or withdrawal of an ERC-20 reserve, each transfer of a token
/// between the wallet and an exchange, each stake and each swap between ETH and USDT (when the instance trades on the
/// chain), one step per part the safety gate cut it into: a deposit, or a withdrawal (USDT), or both for a transfer
/// between two exchanges, which goes through the wallet; a stake and the wrap of what it minted; a swap of WETH on
/// Uniswap with the wrap before it or the unwrap after it; an LST sold on Uniswap for WETH, unwrapped after it; a
/// leveraged loop's atomic plan as one step through the leverage executor, with the wrap of its equity before it or
/// the unwrap of what its exit left after it.
/// </summary>
/// <remarks>
/// Nothing else is sent for real so far: an hour whose strategy also needs a reward sale is refused, and the cycle stops
/// before it.
/// </remarks>
internal sealed class RealHourPlanner : IHourExecution
{
    private readonly string _instanceId;
    private readonly OrderRules _rules;
    private readonly double _maxTradeSizeUsd;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<(string Venue, string Symbol, MarketType Market), decimal> _held;
    private readonly bool _onChain;

    /// <param name="instanceId">The instance.</param>
    /// <param name="held">The venues' positions as the ledger has them (<see cref="Held"/>).</param>
    /// <param name="rules">The venues' quantity steps.</param>
    /// <param name="maxTradeSizeUsd">The trade cap: no order is larger.</param>
    /// <param name="now">When the orders are written.</param>
    /// <param name="onChain">Whether the instance's on-chain steps can be sent (it trades on the chain and the host has an account there).</param>
    public RealHourPlanner(string instanceId, IReadOnlyDictionary<(string Venue, string Symbol, MarketType Market), decimal> held, OrderRules rules, double maxTradeSizeUsd, DateTimeOffset now, bool onChain)
    {
        _onChain = onChain;
        _instanceId = instanceId;
        _held = new Dictionary<(string Venue, string Symbol, MarketType Market), decimal>(held);
        _rules = rules;
        _maxTradeSizeUsd = maxTradeSizeUsd;
        _now = now;
    }

    /// <inheritdoc />
    public HourPlan Plan(DateTimeOffset hourUtc, IReadOnlyList<GateDecision> verdicts, IReadOnlyDictionary<InstrumentKey, double> book, Func<Instrument, double> usdPerUnit)
    {
        var carried = verdicts.Where(v => v.Parts > 0).ToList();
        if (carried.FirstOrDefault(v => Unsendable(v.Intent) is not null) is { } other)
        {
            return HourPlan.Refused(string.Create(CultureInfo.InvariantCulture,
                $"the real desk cannot send the hour of {hourUtc:yyyy-MM-ddTHH:mm}Z: it needs a {other.Intent.GetType().Name} ({other.Intent.Reason}), and {Unsendable(other.Intent)}"));
        }

        var orders = new List<LedgerOrder>();
        foreach (var group in VenueTrades(carried).GroupBy(t => (t.Key, t.Market, t.Asset)))
        {
            var (key, market, baseAsset) = group.Key;
            var first = group.First();
            var venue = Enum.Parse<ExchangeVenue>(key.Venue.Name(), ignoreCase: true);
            var location = ExchangeReader.LocationOf(venue);
            var (symbol, step) = market == MarketType.Perp
                ? (VenueSymbols.Perp(venue, baseAsset), _rules.PerpQuantityStep(venue, baseAsset))
                : (VenueSymbols.Spot(venue, baseAsset), _rules.SpotQuantityStep(venue, baseAsset));
            var target = (decimal)book.GetValueOrDefault(key);
            var held = _held.GetValueOrDefault((location, symbol, market));
            var delta = Math.Round((target - held) / step, MidpointRounding.ToEven) * step;
            if (delta == 0)
            {
                continue;
            }

            // The intent's notional over its size is the hour's price, at which the gate held it to the cap.
            var price = first.Verdict.NotionalUsd / Math.Abs(first.Size);
            if (market == MarketType.Perp && (double)Math.Abs(delta) * price < (double)_rules.PerpMinNotionalUsd(venue))
            {
                // Smaller than the venue takes: left, as a change smaller than a step is.
                continue;
            }

            var parts = Math.Max(1, (int)Math.Ceiling((double)Math.Abs(delta) * price / _maxTradeSizeUsd));
            var part = Math.Floor(Math.Abs(delta) / parts / step) * step;
            if (part == 0)
            {
                return HourPlan.Refused(string.Create(CultureInfo.InvariantCulture,
                    $"the trade cap of {_maxTradeSizeUsd:0.##} USD is smaller than one {step} {baseAsset} step of {symbol} on {location}: no order can be sent within it"));
            }

            for (var k = 0; k < parts; k++)
            {
                var quantity = k < parts - 1 ? part : Math.Abs(delta) - (part * (parts - 1));
                var place = market == MarketType.Perp ? symbol : $"spot/{symbol}";
                var id = string.Create(CultureInfo.InvariantCulture, $"{_instanceId}/{hourUtc.UtcDateTime:yyyy-MM-ddTHH:mm}Z/{location}/{place}/{k}");
                orders.Add(new LedgerOrder(
                    _instanceId, location, ClientOrderIds.Derive(id), symbol, delta > 0 ? OrderSide.Buy : OrderSide.Sell, OrderType.Market,
                    quantity, null, null, OrderStatus.New, first.Verdict.Intent.Reason, _now, _now) { Market = market });
            }

            _held[(location, symbol, market)] = held + delta;
        }

        return new HourPlan(orders, ChainSteps(hourUtc, carried, book, usdPerUnit), null);
    }

    /// <summary>The hour's perpetual and spot orders, each with the book position it moves, its market, base asset and size.</summary>
    private static IEnumerable<VenueTrade> VenueTrades(IEnumerable<GateDecision> carried)
    {
        foreach (var verdict in carried)
        {
            switch (verdict.Intent)
            {
                case PerpOrder perp:
                    yield return new(verdict, perp.Perp.Key, MarketType.Perp, Reconciler.BaseAssetOf(perp.Perp.Key.Symbol), perp.SizeDelta);
                    break;
                case SpotOrder spot:
                    yield return new(verdict, new InstrumentKey(spot.Venue, PositionType.BaseToken, spot.Asset.Symbol()), MarketType.Spot, spot.Asset.Symbol(), spot.BaseDelta);
                    break;
            }
        }
    }

    /// <summary>Why the real desk cannot send <paramref name="intent"/>, or null when it can.</summary>
    private string? Unsendable(TradeIntent intent) => intent switch
    {
        PerpOrder or SpotOrder => null,
        TokenTransfer { From.Key.Venue: var from, To.Key.Venue: var to } when !IsWalletOrExchange(from) || !IsWalletOrExchange(to) || from == to =>
            $"a transfer from {from.Name()} to {to.Name()} is not one the real desk sends",
        TokenTransfer { From.Key.Venue: not Venue.Wallet, From.Key.Symbol: not "USDT" } => "only USDT is withdrawn from an exchange for real so far",
        TokenTransfer { From.Key.Symbol: ChainReader.NativeEth } => "ETH itself is not deposited to an exchange for real yet (ERC-20 tokens are)",
        AtomicPlan plan when LoopLst(plan) is null => $"an atomic plan ({plan.Name}) that neither stakes nor sells one LST is not a loop's plan the real desk sends",
        AtomicPlan plan when LoopLst(plan) != LstToken.WeEth => $"the leverage executor's plans stake with EtherFi only: a {LoopLst(plan)!.Value.Symbol()} loop is not sent for real yet",
        AaveSupply or AaveWithdraw or TokenTransfer or LstStake or EthSwap or LstSale or AtomicPlan when !_onChain => "this instance has no account on the chain to send it from (its venues or the host's chain settings)",
        AaveSupply or AaveWithdraw or TokenTransfer or LstStake or EthSwap or LstSale or AtomicPlan => null,
        _ => "only perpetual and spot orders, AAVE supplies and withdrawals, transfers between the wallet and the exchanges, stakes (EtherFi, Lido), LST sales, swaps between ETH and USDT and weETH loops' atomic plans are sent for real so far (reward sales are not yet)",
    };

    /// <summary>The LST a loop's plan stakes (a lever) or sells (an exit), or null for a plan that does neither or both.</summary>
    private static LstToken? LoopLst(AtomicPlan plan) =>
        (plan.Steps.OfType<LstStake>().ToList(), plan.Steps.OfType<LstSale>().ToList()) switch
        {
            ([var stake], []) => stake.Lst,
            ([], [var sale]) => sale.Lst,
            _ => null,
        };

    private static bool IsWalletOrExchange(Venue venue) => venue is Venue.Wallet or Venue.Binance or Venue.Bybit or Venue.Okx;

    /// <summary>
    /// The hour's AAVE supplies and withdrawals, transfers between the wallet and the exchanges, stakes, swaps of ETH and
    /// LST sales, one step per part the gate cut each into (two for a stake: the stake, then the wrap; two for a swap: ETH
    /// wrapped and sold, or bought and unwrapped; two for a sale: sold for WETH, then unwrapped), in the order the
    /// strategy submitted them. ETH is lent as WETH: each part of a WETH supply is wrapped from the
    /// wallet's ETH first, and each part of a WETH withdrawal unwrapped after it. A loop's plan is one step per part, the
    /// gate having scaled every step of it alike (the same LTV with a part of the amounts).
    /// </summary>
    private List<LedgerChainStep> ChainSteps(DateTimeOffset hourUtc, IEnumerable<GateDecision> carried, IReadOnlyDictionary<InstrumentKey, double> book, Func<Instrument, double> usdPerUnit)
    {
        var ethUsd = usdPerUnit(InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth));
        var steps = new List<LedgerChainStep>();
        void Add(ChainStepKind kind, string asset, decimal amount, string reason, string? venue = null, (string Asset, decimal? Limit)? counter = null, decimal? flash = null)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{hourUtc.UtcDateTime:yyyy-MM-ddTHH:mm}Z/chain/{steps.Count}");
            steps.Add(new LedgerChainStep(_instanceId, id, kind, asset, amount, ChainStepStatus.Planned, null, null, null, reason, _now, _now)
            {
                Venue = venue,
                Counter = counter?.Asset,
                Limit = counter?.Limit,
                Flash = flash,
            });
        }

        foreach (var verdict in carried.Where(v => v.Intent is AaveSupply or AaveWithdraw or TokenTransfer or LstStake or EthSwap or LstSale or AtomicPlan))
        {
            var reason = verdict.Intent.Reason;
            if (verdict.Intent is AtomicPlan plan)
            {
                // The book sized the plan: a lever stakes its equity (the wallet's ETH, wrapped first) and its flash loan;
                // an exit repays the flash loan's worth of debt (all of it when the book keeps none) and sells the LST for
                // at least its worth in the book less the swap tolerance, the WETH it leaves unwrapped after it.
                var flash = PartOf(plan.Steps.OfType<FlashBorrow>().Sum(f => f.Eth), verdict.Parts);
                var lst = LiquidStaking.For(LoopLst(plan)!.Value).Wrapped;
                if (plan.Steps.OfType<LstStake>().SingleOrDefault() is { } staked)
                {
                    var equity = Math.Max(0m, PartOf(staked.Eth, verdict.Parts) - flash);
                    for (var k = 0; k < verdict.Parts; k++)
                    {
                        if (equity > 0)
                        {
                            Add(ChainStepKind.WrapEth, ChainReader.NativeEth, equity, reason);
                        }

                        Add(ChainStepKind.LoopLever, ChainStepDesk.WrappedEth, equity, reason, counter: (lst, null), flash: flash);
                    }

                    continue;
                }

                var sold = plan.Steps.OfType<LstSale>().Single();
                var units = PartOf(sold.Units, verdict.Parts);
                var worth = PartOf(sold.Units * usdPerUnit(InstrumentRegistry.Lst(sold.Lst)) / ethUsd, verdict.Parts);
                var atLeast = Math.Round(worth * (1 - _rules.SwapPriceTolerance), 8, MidpointRounding.ToZero);
                var unwinds = Math.Abs(book.GetValueOrDefault(InstrumentRegistry.DebtToken(ChainStepDesk.WrappedEth).Key)) < 1e-9;
                for (var k = 0; k < verdict.Parts; k++)
                {
                    var kind = unwinds && k == verdict.Parts - 1 ? ChainStepKind.LoopUnwind : ChainStepKind.LoopDeleverage;
                    Add(kind, lst, units, reason, counter: (ChainStepDesk.WrappedEth, atLeast), flash: flash);
                    Add(ChainStepKind.UnwrapEth, ChainReader.NativeEth, worth, reason);
                }

                continue;
            }

            if (verdict.Intent is EthSwap swap)
            {
                // ETH is swapped as WETH on Uniswap: the ETH side exact, as the book has it; the USDT side bounded by the
                // hour's price (the intent's notional over its size) and the swap tolerance.
                var price = (decimal)verdict.NotionalUsd / (decimal)Math.Abs(swap.EthDelta);
                var eth = PartOf(Math.Abs(swap.EthDelta), verdict.Parts);
                var buys = swap.EthDelta > 0;
                var usdtLimit = Math.Round(eth * price * (buys ? 1 + _rules.SwapPriceTolerance : 1 - _rules.SwapPriceTolerance), 6, MidpointRounding.ToZero);
                for (var k = 0; k < verdict.Parts && eth > 0; k++)
                {
                    if (!buys)
                    {
                        Add(ChainStepKind.WrapEth, ChainReader.NativeEth, eth, reason);
                    }

                    Add(buys ? ChainStepKind.SwapExactOut : ChainStepKind.SwapExactIn, ChainStepDesk.WrappedEth, eth, reason, counter: ("USDT", usdtLimit));
                    if (buys)
                    {
                        Add(ChainStepKind.UnwrapEth, ChainReader.NativeEth, eth, reason);
                    }
                }

                continue;
            }

            if (verdict.Intent is LstSale sale)
            {
                // Sold for WETH on Uniswap, at least what the book values it at in ETH (its notional at the hour's ETH
                // price) less the swap tolerance; the WETH unwrapped after it (what the sale gave, when less).
                var staking = LiquidStaking.For(sale.Lst);
                var units = PartOf(sale.Units, verdict.Parts);
                var worth = PartOf(verdict.NotionalUsd / ethUsd, verdict.Parts);
                var atLeast = Math.Round(worth * (1 - _rules.SwapPriceTolerance), 8, MidpointRounding.ToZero);
                for (var k = 0; k < verdict.Parts && units > 0; k++)
                {
                    Add(ChainStepKind.SwapExactIn, staking.Wrapped, units, reason, counter: (ChainStepDesk.WrappedEth, atLeast));
                    Add(ChainStepKind.UnwrapEth, ChainReader.NativeEth, worth, reason);
                }

                continue;
            }

            if (verdict.Intent is LstStake stake)
            {
                // Staked for the protocol's rebasing token (eETH, stETH), which is wrapped at once into what the book holds.
                var staking = LiquidStaking.For(stake.Lst);
                var staked = PartOf(stake.Eth, verdict.Parts);
                for (var k = 0; k < verdict.Parts && staked > 0; k++)
                {
                    Add(staking.Stake, ChainReader.NativeEth, staked, reason);
                    Add(staking.Wrap, staking.Rebasing, staked, reason);
                }

                continue;
            }

            if (verdict.Intent is TokenTransfer transfer)
            {
                // Between two exchanges through the wallet: withdrawn to it, then deposited from it.
                var (from, to) = (transfer.From.Key.Venue, transfer.To.Key.Venue);
                var moved = PartOf(transfer.Amount, verdict.Parts);
                for (var k = 0; k < verdict.Parts && moved > 0; k++)
                {
                    if (from != Venue.Wallet)
                    {
                        Add(ChainStepKind.ExchangeWithdrawal, transfer.From.Key.Symbol, moved, reason, from.Name());
                    }

                    if (to != Venue.Wallet)
                    {
                        Add(ChainStepKind.ExchangeDeposit, transfer.From.Key.Symbol, moved, reason, to.Name());
                    }
                }

                continue;
            }

            var (supply, reserve, amount) = verdict.Intent switch
            {
                AaveSupply s => (true, s.AToken.AaveReserve!, s.Amount),
                AaveWithdraw w => (false, w.AToken.AaveReserve!, w.Amount),
                _ => throw new UnreachableException(),
            };
            var wrapped = reserve == ChainStepDesk.WrappedEth;
            var part = PartOf(amount, verdict.Parts);
            for (var k = 0; k < verdict.Parts && part > 0; k++)
            {
                if (supply && wrapped)
                {
                    Add(ChainStepKind.WrapEth, ChainReader.NativeEth, part, reason);
                }

                Add(supply ? ChainStepKind.AaveSupply : ChainStepKind.AaveWithdraw, reserve, part, reason);
                if (!supply && wrapped)
                {
                    Add(ChainStepKind.UnwrapEth, ChainReader.NativeEth, part, reason);
                }
            }
        }

        return steps;
    }

    /// <summary>
    /// One of <paramref name="parts"/> equal parts of <paramref name="total"/> token units, to 8 places and never rounded
    /// up: a step must not ask for more than the book holds.
    /// </summary>
    private static decimal PartOf(double total, int parts) => Math.Round((decimal)(total / parts), 8, MidpointRounding.ToZero);

    /// <summary>
    /// The venues' positions the planner starts from, by venue, the venue's symbol and market: each perpetual's size and
    /// each spot pair's coin balance as the ledger has them, plus what its open orders will add once they fill.
    /// </summary>
    public static IReadOnlyDictionary<(string Venue, string Symbol, MarketType Market), decimal> Held(LedgerPositions positions, IEnumerable<LedgerOrder> open)
    {
        var held = positions.Perps.ToDictionary(p => (p.Venue, p.Symbol, MarketType.Perp), p => p.Size);
        foreach (var coin in positions.Balances.Where(b => b.Asset != "USDT"))
        {
            if (Enum.TryParse<ExchangeVenue>(coin.Location, ignoreCase: true, out var venue))
            {
                held[(coin.Location, VenueSymbols.Spot(venue, coin.Asset), MarketType.Spot)] = coin.Amount;
            }
        }

        foreach (var order in open)
        {
            var key = (order.Venue, order.Symbol, order.Market);
            held[key] = held.GetValueOrDefault(key) + (order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity);
        }

        return held;
    }

    private readonly record struct VenueTrade(GateDecision Verdict, InstrumentKey Key, MarketType Market, string Asset, double Size);
}
