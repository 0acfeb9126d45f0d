using Basis.Core.Instruments;
using Basis.Core.Trading;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Orchestrations.Live;
using Basis.Orchestrations.Tests.Support;
using Basis.Venues.Exchanges;

namespace Basis.Orchestrations.Tests.Live;

/// <summary>
/// How the real desk turns an hour of the book into orders: worked examples with the venues' steps of
/// <c>configs/live/orders.yaml</c> (Binance ETH 0.001, Bybit ETH 0.01) and hand-checkable prices.
/// </summary>
public sealed class RealHourPlannerTests
{
    private const string Id = "real-1";
    private static readonly DateTimeOffset Hour = new(2025, 1, 1, 5, 0, 0, TimeSpan.Zero);
    private static readonly OrderRules Rules = OrderRules.Load(Repository.Path("configs"));
    private static readonly Instrument BybitEth = InstrumentRegistry.Perp(Venue.Bybit, Asset.Eth);
    private static readonly Instrument BinanceEth = InstrumentRegistry.Perp(Venue.Binance, Asset.Eth);
    private static readonly Instrument AWeEth = InstrumentRegistry.AToken("weETH");
    private static readonly Instrument DebtWeth = InstrumentRegistry.DebtToken("WETH");

    private static AtomicPlan LoopPlan(string name, params TradeIntent[] steps) => new(name, name, 1.02, [], steps);

    [Fact]
    public void The_venue_is_steered_to_the_books_position_rounded_to_its_step()
    {
        // Bybit holds −2.00 ETH; the book sold 1.234 more at 3,000 USD and ends at −3.234: the order sells 1.23 (Bybit's
        // step is 0.01), and the venue is then within half a step of the book.
        var planner = Planner(new() { [("bybit", "ETHUSDT", MarketType.Perp)] = -2.00m });

        var plan = planner.Plan(Hour, [Passed(BybitEth, -1.234, 3_000)], Book(("bybit", "ETHUSDT", -3.234)));

        var order = Assert.Single(plan.Orders);
        Assert.Null(plan.Refusal);
        Assert.Equal(("bybit", "ETHUSDT", OrderSide.Sell, 1.23m, OrderStatus.New), (order.Venue, order.Symbol, order.Side, order.Quantity, order.Status));

        // The next hour the book buys back 0.004: still within half a step of the venue (−3.23 vs −3.230), nothing to send.
        Assert.Empty(planner.Plan(Hour.AddHours(1), [Passed(BybitEth, 0.004, 3_000)], Book(("bybit", "ETHUSDT", -3.230))).Orders);
    }

    [Fact]
    public void An_order_over_the_trade_cap_is_cut_into_parts_within_it()
    {
        // 1.0 ETH at 3,000 USD is 3,000 USD against a 1,000 USD cap: three parts, 0.333 + 0.333 + 0.334 ETH on Binance
        // (OKX spells the same perp ETH-USDT-SWAP; Binance ETHUSDT).
        var plan = Planner([], maxTradeSizeUsd: 1_000).Plan(Hour, [Passed(BinanceEth, 1.0, 3_000)], Book(("binance", "ETHUSDT", 1.0)));

        Assert.Equal([0.333m, 0.333m, 0.334m], plan.Orders.Select(o => o.Quantity));
        Assert.All(plan.Orders, o => Assert.Equal(OrderSide.Buy, o.Side));
        Assert.Equal(3, plan.Orders.Select(o => o.ClientOrderId).Distinct().Count());
    }

    [Fact]
    public void The_same_hour_planned_again_gives_the_same_client_order_ids()
    {
        IReadOnlyList<GateDecision> verdicts = [Passed(BinanceEth, -0.5, 3_000)];
        var book = Book(("binance", "ETHUSDT", -0.5));

        var first = Planner([]).Plan(Hour, verdicts, book);
        var replay = Planner([]).Plan(Hour, verdicts, book);
        var nextHour = Planner([]).Plan(Hour.AddHours(1), verdicts, book);

        Assert.Equal(first.Orders.Select(o => o.ClientOrderId), replay.Orders.Select(o => o.ClientOrderId));
        Assert.NotEqual(first.Orders[0].ClientOrderId, nextHour.Orders[0].ClientOrderId);
        Assert.Equal(ClientOrderIds.MaxLength, first.Orders[0].ClientOrderId.Length);
    }

    [Fact]
    public void An_hour_needing_a_reward_sale_is_refused_whole()
    {
        var sale = new GateDecision(new DexSale(Asset.Eigen, 150, "sell reward tokens for ETH"), 450, GateVerdict.Passed, 1, true, "within limits");
        var plan = Planner([], onChain: true).Plan(Hour, [Passed(BinanceEth, -0.5, 3_000), sale], Book(("binance", "ETHUSDT", -0.5)));

        Assert.Empty(plan.Orders);
        Assert.Empty(plan.ChainSteps);
        Assert.Equal(
            "the real desk cannot send the hour of 2025-01-01T05:00Z: it needs a DexSale (sell reward tokens for ETH), and only perpetual and spot orders, AAVE supplies and withdrawals, transfers between the wallet and the exchanges, stakes (EtherFi, Lido), LST sales, swaps between ETH and USDT and weETH loops' atomic plans are sent for real so far (reward sales are not yet)",
            plan.Refusal);
    }

    [Fact]
    public void An_lst_sold_is_swapped_for_weth_bounded_by_its_worth_then_unwrapped()
    {
        // 2 weETH worth 6,339 USD at 3,000 per ETH: 2.113 ETH. Sold for at least 2.113 × 0.99 = 2.09187 WETH (the 1 % swap
        // tolerance), then 2.113 WETH unwrapped (the desk unwraps what the sale gave, when less).
        var sale = new GateDecision(new LstSale(LstToken.WeEth, 2, "unwind"), 6_339, GateVerdict.Passed, 1, true, "ok");

        var plan = Planner([], onChain: true).Plan(Hour, [sale], Book());

        Assert.Null(plan.Refusal);
        Assert.Equal(
            [(ChainStepKind.SwapExactIn, "weETH", 2m, "WETH", 2.09187m), (ChainStepKind.UnwrapEth, "ETH", 2.113m, null, null)],
            plan.ChainSteps.Select(s => (s.Kind, s.Asset, s.Amount, s.Counter, s.Limit)));
    }

    [Fact]
    public void A_loops_lever_is_one_executor_step_per_part_after_the_wrap_of_its_equity()
    {
        // docs/accounting.md's entry of 2 ETH at λ = 0.9: 18 ETH flash-borrowed, 20 ETH staked. The gate cut it in two
        // parts: each wraps 1 ETH of equity and levers with a 9 WETH flash loan.
        var entry = new GateDecision(LoopPlan("entry", new FlashBorrow(18, "entry"), new LstStake(LstToken.WeEth, 20, "entry"), new AaveSupply(AWeEth, 19.047619, "entry"), new AaveBorrow(DebtWeth, 18.009, "entry"), new FlashRepay("entry")), 60_000, GateVerdict.Split, 2, true, "split");

        var plan = Planner([], onChain: true).Plan(Hour, [entry], Book());

        Assert.Null(plan.Refusal);
        Assert.Equal(
            [
                (ChainStepKind.WrapEth, "ETH", 1m, null, null, null), (ChainStepKind.LoopLever, "WETH", 1m, "weETH", null, 9m),
                (ChainStepKind.WrapEth, "ETH", 1m, null, null, null), (ChainStepKind.LoopLever, "WETH", 1m, "weETH", null, 9m),
            ],
            plan.ChainSteps.Select(s => (s.Kind, s.Asset, s.Amount, s.Counter, s.Limit, s.Flash)));
    }

    [Theory]
    [InlineData(0, ChainStepKind.LoopUnwind)]
    [InlineData(5, ChainStepKind.LoopDeleverage)]
    public void A_loops_exit_sells_its_lst_for_at_least_its_worth_and_unwinds_when_the_book_keeps_no_debt(double debtLeft, ChainStepKind kind)
    {
        // 19 weETH (1.05 ETH each: 19.95 ETH) sold for at least 19.95 × 0.99 = 19.7505 WETH, repaying 18 WETH of debt by
        // flash loan; what the sale leaves is unwrapped (at most its worth). With no debt left in the book, an unwind.
        var exit = new GateDecision(LoopPlan("unwind", new FlashBorrow(18, "exit"), new AaveRepay(DebtWeth, 18, "exit"), new AaveWithdraw(AWeEth, 19, "exit"), new LstSale(LstToken.WeEth, 19, "exit"), new FlashRepay("exit")), 59_850, GateVerdict.Passed, 1, true, "ok");

        var plan = Planner([], onChain: true).Plan(Hour, [exit], new Dictionary<InstrumentKey, double> { [DebtWeth.Key] = debtLeft });

        Assert.Null(plan.Refusal);
        Assert.Equal(
            [(kind, "weETH", 19m, "WETH", 19.7505m, 18m), (ChainStepKind.UnwrapEth, "ETH", 19.95m, null, null, null)],
            plan.ChainSteps.Select(s => (s.Kind, s.Asset, s.Amount, s.Counter, s.Limit, s.Flash)));
    }

    [Fact]
    public void A_wsteth_loop_is_refused_since_the_executor_stakes_with_etherfi_only()
    {
        var entry = new GateDecision(LoopPlan("entry", new FlashBorrow(18, "entry"), new LstStake(LstToken.WstEth, 20, "entry"), new FlashRepay("entry")), 60_000, GateVerdict.Passed, 1, true, "ok");

        var plan = Planner([], onChain: true).Plan(Hour, [entry], Book());

        Assert.Empty(plan.ChainSteps);
        Assert.EndsWith("the leverage executor's plans stake with EtherFi only: a wstETH loop is not sent for real yet", plan.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Eth_bought_is_swapped_for_then_unwrapped_and_eth_sold_is_wrapped_then_swapped_each_bounded_by_the_hour_s_price()
    {
        // 2 ETH bought at 3,000 (cut by the gate into 2 parts), 0.5 sold: the ETH side exact, the USDT side bounded by
        // configs/live/orders.yaml's 1 % swap tolerance: at most 1 × 3,000 × 1.01 = 3,030 USDT paid per part, at least
        // 0.5 × 3,000 × 0.99 = 1,485 received.
        var buy = new GateDecision(new EthSwap(2, "buy ETH to stake"), 6_000, GateVerdict.Split, 2, true, "split");
        var sell = new GateDecision(new EthSwap(-0.5, "raise USDT"), 1_500, GateVerdict.Passed, 1, true, "ok");

        var plan = Planner([], onChain: true).Plan(Hour, [buy, sell], Book());

        Assert.Null(plan.Refusal);
        Assert.Equal(0.01m, Rules.SwapPriceTolerance);
        Assert.Equal(
            [
                (ChainStepKind.SwapExactOut, "WETH", 1m, "USDT", 3_030m), (ChainStepKind.UnwrapEth, "ETH", 1m, null, null),
                (ChainStepKind.SwapExactOut, "WETH", 1m, "USDT", 3_030m), (ChainStepKind.UnwrapEth, "ETH", 1m, null, null),
                (ChainStepKind.WrapEth, "ETH", 0.5m, null, null), (ChainStepKind.SwapExactIn, "WETH", 0.5m, "USDT", 1_485m),
            ],
            plan.ChainSteps.Select(s => (s.Kind, s.Asset, s.Amount, s.Counter, s.Limit)));
    }

    [Fact]
    public void Usdt_withdrawn_from_an_exchange_is_a_withdrawal_step_and_one_moved_between_exchanges_goes_through_the_wallet()
    {
        // 900 USDT from Binance to the wallet; 600 from Bybit to OKX: withdrawn from Bybit, then deposited to OKX.
        var wallet = InstrumentRegistry.Balance(Venue.Wallet, Asset.Usdt);
        var out1 = new GateDecision(new TokenTransfer(InstrumentRegistry.Balance(Venue.Binance, Asset.Usdt), wallet, 900, "cash"), 900, GateVerdict.Passed, 1, true, "ok");
        var across = new GateDecision(new TokenTransfer(InstrumentRegistry.Balance(Venue.Bybit, Asset.Usdt), InstrumentRegistry.Balance(Venue.Okx, Asset.Usdt), 600, "margin"), 600, GateVerdict.Passed, 1, true, "ok");

        var plan = Planner([], onChain: true).Plan(Hour, [out1, across], Book());

        Assert.Null(plan.Refusal);
        Assert.Equal(
            [
                (ChainStepKind.ExchangeWithdrawal, "USDT", 900m, "binance"),
                (ChainStepKind.ExchangeWithdrawal, "USDT", 600m, "bybit"), (ChainStepKind.ExchangeDeposit, "USDT", 600m, "okx"),
            ],
            plan.ChainSteps.Select(s => (s.Kind, s.Asset, s.Amount, s.Venue)));
    }

    [Fact]
    public void Eth_staked_is_staked_then_wrapped_per_part_with_the_protocol_of_its_token()
    {
        // 5 ETH staked with EtherFi, cut by the gate into 2 parts: each part deposited for eETH, then wrapped into
        // weETH; 1 ETH with Lido: submitted for stETH, wrapped into wstETH.
        var etherFi = new GateDecision(new LstStake(LstToken.WeEth, 5, "stake idle ETH"), 15_000, GateVerdict.Split, 2, true, "split");
        var lido = new GateDecision(new LstStake(LstToken.WstEth, 1, "stake"), 3_000, GateVerdict.Passed, 1, true, "ok");

        var plan = Planner([], onChain: true).Plan(Hour, [etherFi, lido], Book());

        Assert.Null(plan.Refusal);
        Assert.Equal(
            [
                (ChainStepKind.EtherFiDeposit, "ETH", 2.5m), (ChainStepKind.WrapEEth, "eETH", 2.5m),
                (ChainStepKind.EtherFiDeposit, "ETH", 2.5m), (ChainStepKind.WrapEEth, "eETH", 2.5m),
                (ChainStepKind.LidoSubmit, "ETH", 1m), (ChainStepKind.WrapStEth, "stETH", 1m),
            ],
            plan.ChainSteps.Select(s => (s.Kind, s.Asset, s.Amount)));
    }

    [Fact]
    public void A_perp_order_under_the_venue_s_minimum_notional_is_not_sent()
    {
        // 0.005 ETH at 3,000 is 15 USD, under Binance's 20 (configs/live/orders.yaml); 0.01 on Bybit, which sets none, goes.
        var plan = Planner([]).Plan(Hour, [Passed(BinanceEth, -0.005, 3_000), Passed(BybitEth, -0.01, 3_000)], Book(("binance", "ETHUSDT", -0.005), ("bybit", "ETHUSDT", -0.01)));

        Assert.Null(plan.Refusal);
        Assert.Equal([("bybit", 0.01m)], plan.Orders.Select(o => (o.Venue, o.Quantity)));
    }

    [Fact]
    public void A_refused_intent_is_not_planned()
    {
        var refused = new GateDecision(new PerpOrder(BinanceEth, -100, "too big"), 300_000, GateVerdict.Refused, 0, false, "over the cap");

        var plan = Planner([]).Plan(Hour, [refused], Book(("binance", "ETHUSDT", 0)));

        Assert.Empty(plan.Orders);
        Assert.Null(plan.Refusal);
    }

    [Fact]
    public void A_cap_smaller_than_one_step_is_refused_rather_than_sending_an_empty_order()
    {
        // One Bybit step of 0.01 ETH at 3,000 USD is 30 USD, over a 20 USD cap.
        var plan = Planner([], maxTradeSizeUsd: 20).Plan(Hour, [Passed(BybitEth, -0.05, 3_000)], Book(("bybit", "ETHUSDT", -0.05)));

        Assert.StartsWith("the trade cap of 20 USD is smaller than one 0.01 ETH step of ETHUSDT on bybit", plan.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void An_aave_supply_the_gate_split_is_one_chain_step_per_part()
    {
        // 25,000 USDT cut by the gate into 3 parts: three supplies of 8,333.33333333 USDT (8 places, never rounded up).
        var supply = new AaveSupply(InstrumentRegistry.AToken("USDT"), 25_000, "lend idle funds");
        var plan = Planner([], onChain: true).Plan(Hour, [new GateDecision(supply, 25_000, GateVerdict.Split, 3, true, "split")], Book());

        Assert.Null(plan.Refusal);
        Assert.Equal(3, plan.ChainSteps.Count);
        Assert.All(plan.ChainSteps, s => Assert.Equal((ChainStepKind.AaveSupply, "USDT", 8_333.33333333m, ChainStepStatus.Planned), (s.Kind, s.Asset, s.Amount, s.Status)));
        Assert.Equal(["2025-01-01T05:00Z/chain/0", "2025-01-01T05:00Z/chain/1", "2025-01-01T05:00Z/chain/2"], plan.ChainSteps.Select(s => s.StepId));
    }

    [Fact]
    public void An_aave_step_or_a_deposit_is_refused_without_a_chain_account()
    {
        var usdt = new GateDecision(new AaveSupply(InstrumentRegistry.AToken("USDT"), 1_000, "lend"), 1_000, GateVerdict.Passed, 1, true, "ok");
        var deposit = new TokenTransfer(InstrumentRegistry.Balance(Venue.Wallet, Asset.Usdt), InstrumentRegistry.Balance(Venue.Binance, Asset.Usdt), 500, "margin");

        const string NoAccount = "this instance has no account on the chain to send it from (its venues or the host's chain settings)";
        Assert.EndsWith(NoAccount, Planner([], onChain: false).Plan(Hour, [usdt], Book()).Refusal, StringComparison.Ordinal);
        Assert.EndsWith(NoAccount, Planner([], onChain: false).Plan(Hour, [new GateDecision(deposit, 500, GateVerdict.Passed, 1, true, "ok")], Book()).Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Eth_lent_is_wrapped_before_each_supply_and_unwrapped_after_each_withdrawal()
    {
        // 3 ETH supplied in two parts of 1.5, then 1 ETH withdrawn: wrap 1.5, supply 1.5 WETH (twice); withdraw 1 WETH, unwrap 1.
        var supply = new GateDecision(new AaveSupply(InstrumentRegistry.AToken("WETH"), 3, "lend"), 9_000, GateVerdict.Split, 2, true, "split");
        var withdraw = new GateDecision(new AaveWithdraw(InstrumentRegistry.AToken("WETH"), 1, "raise cash"), 3_000, GateVerdict.Passed, 1, true, "ok");

        var plan = Planner([], onChain: true).Plan(Hour, [supply, withdraw], Book());

        Assert.Null(plan.Refusal);
        Assert.Equal(
            [
                (ChainStepKind.WrapEth, "ETH", 1.5m), (ChainStepKind.AaveSupply, "WETH", 1.5m),
                (ChainStepKind.WrapEth, "ETH", 1.5m), (ChainStepKind.AaveSupply, "WETH", 1.5m),
                (ChainStepKind.AaveWithdraw, "WETH", 1m), (ChainStepKind.UnwrapEth, "ETH", 1m),
            ],
            plan.ChainSteps.Select(s => (s.Kind, s.Asset, s.Amount)));
        Assert.Equal(6, plan.ChainSteps.Select(s => s.StepId).Distinct().Count());
    }

    [Fact]
    public void Usdt_moved_from_the_wallet_to_an_exchange_is_a_deposit_per_part_before_the_hours_orders()
    {
        // 7,500 USDT to Bybit, cut by the gate into three parts of 2,500, then 1,000 to OKX: four deposits, in that order,
        // each naming its venue; the hour's short goes to the order outbox (which waits behind the deposits).
        var wallet = InstrumentRegistry.Balance(Venue.Wallet, Asset.Usdt);
        var toBybit = new GateDecision(new TokenTransfer(wallet, InstrumentRegistry.Balance(Venue.Bybit, Asset.Usdt), 7_500, "margin"), 7_500, GateVerdict.Split, 3, true, "split");
        var toOkx = new GateDecision(new TokenTransfer(wallet, InstrumentRegistry.Balance(Venue.Okx, Asset.Usdt), 1_000, "margin"), 1_000, GateVerdict.Passed, 1, true, "ok");

        var plan = Planner([], onChain: true).Plan(Hour, [Passed(BybitEth, -1.0, 3_000), toBybit, toOkx], Book(("bybit", "ETHUSDT", -1.0)));

        Assert.Null(plan.Refusal);
        Assert.Equal(
            [
                (ChainStepKind.ExchangeDeposit, "USDT", 2_500m, "bybit"), (ChainStepKind.ExchangeDeposit, "USDT", 2_500m, "bybit"),
                (ChainStepKind.ExchangeDeposit, "USDT", 2_500m, "bybit"), (ChainStepKind.ExchangeDeposit, "USDT", 1_000m, "okx"),
            ],
            plan.ChainSteps.Select(s => (s.Kind, s.Asset, s.Amount, s.Venue)));
        Assert.Equal(("bybit", OrderSide.Sell, 1.0m), plan.Orders.Select(o => (o.Venue, o.Side, o.Quantity)).Single());
    }

    [Fact]
    public void A_venue_holds_its_fills_and_the_orders_still_working_there()
    {
        // Filled: short 1.0 ETH on Binance. Working: a sell of 0.5 the venue took and has not filled yet, so the book's
        // −1.5 needs no further order.
        var positions = new LedgerPositions([new PerpHolding("binance", "ETHUSDT", -1.0m, 3_000m, 0m, 0m)], []);
        var working = new LedgerOrder(Id, "binance", "bsworking", "ETHUSDT", OrderSide.Sell, OrderType.Market, 0.5m, null, "42", OrderStatus.New, "hedge", Hour, Hour);

        var held = RealHourPlanner.Held(positions, [working]);

        Assert.Equal(-1.5m, held[("binance", "ETHUSDT", MarketType.Perp)]);
        Assert.Empty(Planner(new(held)).Plan(Hour, [Passed(BinanceEth, -0.5, 3_000)], Book(("binance", "ETHUSDT", -1.5))).Orders);
    }

    [Fact]
    public void A_spot_coin_is_steered_to_the_books_balance_at_its_venue_on_the_spot_account()
    {
        // Binance holds 0.4995 ETH spot (0.5 bought, the fee of 0.1 % taken in ETH); the book buys 1.2 more at 3,000 USD and
        // ends at 1.7 ETH there: the spot order buys 1.2005 (Binance spot's step is 0.0001), making up the fee as well.
        var planner = Planner(new() { [("binance", "ETHUSDT", MarketType.Spot)] = 0.4995m });
        var buy = new GateDecision(new SpotOrder(Venue.Binance, Asset.Eth, 1.2, "buy spot"), 3_600, GateVerdict.Passed, 1, true, "within limits");

        var plan = planner.Plan(Hour, [buy], Book(("binance", "ETH", 1.7)));

        var order = Assert.Single(plan.Orders);
        Assert.Equal(("binance", "ETHUSDT", MarketType.Spot, OrderSide.Buy, 1.2005m), (order.Venue, order.Symbol, order.Market, order.Side, order.Quantity));
    }

    [Fact]
    public void A_spot_order_and_a_perp_order_of_one_symbol_are_planned_apart()
    {
        // Binance spells both ETHUSDT: the spot buy and the perp short of a basis entry are two orders with their own ids.
        var spot = new GateDecision(new SpotOrder(Venue.Binance, Asset.Eth, 1.0, "buy spot"), 3_000, GateVerdict.Passed, 1, true, "within limits");

        var plan = Planner([]).Plan(Hour, [spot, Passed(BinanceEth, -1.0, 3_000)], Book(("binance", "ETH", 1.0), ("binance", "ETHUSDT", -1.0)));

        Assert.Equal([(MarketType.Spot, OrderSide.Buy, 1.0m), (MarketType.Perp, OrderSide.Sell, 1.0m)], plan.Orders.Select(o => (o.Market, o.Side, o.Quantity)));
        Assert.Equal(2, plan.Orders.Select(o => o.ClientOrderId).Distinct().Count());
    }

    [Fact]
    public void A_venue_holds_its_spot_coins_and_the_spot_orders_still_working_there()
    {
        // OKX holds 2 ETH and 5,000 USDT; a spot sell of 0.5 ETH is working: 1.5 ETH are held on ETH-USDT.
        var positions = new LedgerPositions([], [new TokenBalance("okx", "ETH", 2m), new TokenBalance("okx", "USDT", 5_000m)]);
        var working = new LedgerOrder(Id, "okx", "okworking", "ETH-USDT", OrderSide.Sell, OrderType.Market, 0.5m, null, "7", OrderStatus.New, "trim", Hour, Hour) { Market = MarketType.Spot };

        var held = RealHourPlanner.Held(positions, [working]);

        Assert.Equal(1.5m, Assert.Single(held).Value);
        Assert.Equal(("okx", "ETH-USDT", MarketType.Spot), Assert.Single(held).Key);
    }

    private static RealHourPlanner Planner(Dictionary<(string Venue, string Symbol, MarketType Market), decimal> held, double maxTradeSizeUsd = 1e9, bool onChain = false) =>
        new(Id, held, Rules, maxTradeSizeUsd, Hour, onChain);

    private static GateDecision Passed(Instrument perp, double sizeDelta, double price) =>
        new(new PerpOrder(perp, sizeDelta, "hedge"), Math.Abs(sizeDelta) * price, GateVerdict.Passed, 1, true, "within limits");

    /// <summary>The book's positions at the end of the hour: perpetuals by engine venue and symbol (<c>ETHUSDT</c>), coins by venue and asset (<c>ETH</c>).</summary>
    private static Dictionary<InstrumentKey, double> Book(params (string Venue, string Symbol, double Size)[] positions) =>
        positions.ToDictionary(
            p => new InstrumentKey(VenueNames.TryParse(p.Venue, out var venue) ? venue : throw new ArgumentException(p.Venue), p.Symbol.EndsWith("USDT", StringComparison.Ordinal) ? PositionType.Perp : PositionType.BaseToken, p.Symbol),
            p => p.Size);
}

/// <summary>
/// The planner at an hour whose ETH is worth 3,000 USD, the price the tests' intents are sized at, and weETH 1.05 ETH.
/// </summary>
file static class PlanAtEth3000
{
    public static HourPlan Plan(this RealHourPlanner planner, DateTimeOffset hourUtc, IReadOnlyList<GateDecision> verdicts, IReadOnlyDictionary<InstrumentKey, double> book) =>
        planner.Plan(hourUtc, verdicts, book, instrument => instrument switch
        {
            { Lst: LstToken.WeEth } => 3_150,
            { Lst: null, AaveReserve: null, PricedIn: Asset.Eth } => 3_000,
            _ => throw new ArgumentException($"no {instrument} price in these tests", nameof(instrument)),
        });
}
