using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Trading;

namespace Basis.Core.Tests.Trading;

public sealed class SafetyGateTests
{
    private const double Mark = 3_000;
    private static readonly Instrument BinancePerp = InstrumentRegistry.Perp(Venue.Binance, Asset.Eth);

    /// <summary>Notionals at a flat ETH price of 3,000 USD, for the intents these tests use.</summary>
    private static double NotionalUsd(TradeIntent intent) => intent switch
    {
        PerpOrder order => Math.Abs(order.SizeDelta) * Mark,
        FlashBorrow flash => flash.Eth * Mark,
        LstStake stake => stake.Eth * Mark,
        AtomicPlan plan => plan.Steps.Max(NotionalUsd),
        _ => 0,
    };

    [Fact]
    public void Read_only_records_every_intent_and_sends_none_but_decisions_still_reach_the_desk()
    {
        var desk = new RecordingDesk();
        var gate = new SafetyGate(desk, new SafetyLimits(ReadOnly: true, MaxTradeSizeUsd: 1_000_000), NotionalUsd);

        gate.Decide("entry_full", "test");
        var executed = gate.Execute(new PerpOrder(BinancePerp, -1, "hedge"));

        Assert.False(executed);
        Assert.Empty(desk.Intents);
        Assert.Equal(["entry_full"], desk.Decisions);
        var decision = Assert.Single(gate.Decisions);
        Assert.Equal(GateVerdict.Withheld, decision.Verdict);
        Assert.Equal(3_000, decision.NotionalUsd);
    }

    [Fact]
    public void An_order_within_the_limit_passes_whole()
    {
        var desk = new RecordingDesk();
        var gate = new SafetyGate(desk, new SafetyLimits(false, 30_000), NotionalUsd);

        Assert.True(gate.Execute(new PerpOrder(BinancePerp, -10, "hedge")));

        Assert.Equal(-10, Assert.IsType<PerpOrder>(Assert.Single(desk.Intents)).SizeDelta);
        Assert.Equal(GateVerdict.Passed, Assert.Single(gate.Decisions).Verdict);
    }

    [Fact]
    public void A_larger_order_is_sent_in_equal_parts_within_the_limit_never_whole()
    {
        // A 25 ETH short at 3,000 is 75,000 USD; with a 30,000 USD limit it goes in ⌈75,000 / 30,000⌉ = 3 parts of
        // 8.3333 ETH (25,000 USD each).
        var desk = new RecordingDesk();
        var gate = new SafetyGate(desk, new SafetyLimits(false, 30_000), NotionalUsd);

        Assert.True(gate.Execute(new PerpOrder(BinancePerp, -25, "hedge")));

        var parts = desk.Intents.Cast<PerpOrder>().ToList();
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.Equal(-25 / 3.0, p.SizeDelta, 12));
        Assert.All(parts, p => Assert.True(NotionalUsd(p) <= 30_000));
        var decision = Assert.Single(gate.Decisions);
        Assert.Equal((GateVerdict.Split, 3, true), (decision.Verdict, decision.Parts, decision.Executed));
    }

    [Fact]
    public void An_atomic_plan_is_split_into_complete_smaller_plans()
    {
        // Flash 90 ETH (270,000 USD) and stake 100 with a 100,000 USD limit: 3 plans, each flashing 30 and staking
        // 33.33, each repaying its own flash loan.
        var desk = new RecordingDesk();
        var gate = new SafetyGate(desk, new SafetyLimits(false, 100_000), NotionalUsd);
        var plan = new AtomicPlan("leverage_entry", "test", 1.02, [GasOperation.AtomicEntry],
            [new FlashBorrow(90, "entry"), new LstStake(LstToken.WeEth, 100, "entry"), new FlashRepay("entry")]);

        Assert.True(gate.Execute(plan));

        var plans = desk.Intents.Cast<AtomicPlan>().ToList();
        Assert.Equal(3, plans.Count);
        Assert.All(plans, p =>
        {
            Assert.Equal(30, Assert.IsType<FlashBorrow>(p.Steps[0]).Eth, 12);
            Assert.Equal(100 / 3.0, Assert.IsType<LstStake>(p.Steps[1]).Eth, 12);
            Assert.IsType<FlashRepay>(p.Steps[2]);
            Assert.Equal([GasOperation.AtomicEntry], p.Gas);
        });
    }

    [Fact]
    public void An_intent_beyond_the_allowed_parts_is_refused_and_nothing_is_sent()
    {
        // 40 ETH = 120,000 USD against a 10,000 USD limit would take 12 parts; at most 10 are allowed.
        var desk = new RecordingDesk();
        var gate = new SafetyGate(desk, new SafetyLimits(false, 10_000, MaxParts: 10), NotionalUsd);

        Assert.False(gate.Execute(new PerpOrder(BinancePerp, 40, "hedge")));

        Assert.Empty(desk.Intents);
        var decision = Assert.Single(gate.Decisions);
        Assert.Equal(GateVerdict.Refused, decision.Verdict);
        Assert.Contains("120,000 USD is more than 10 times the maximum trade size of 10,000 USD", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Splitting_stops_at_the_first_part_the_desk_refuses()
    {
        var desk = new RecordingDesk { RefuseFrom = 2 };
        var gate = new SafetyGate(desk, new SafetyLimits(false, 30_000), NotionalUsd);

        Assert.False(gate.Execute(new PerpOrder(BinancePerp, -25, "hedge")));

        Assert.Equal(2, desk.Intents.Count);
        var decision = Assert.Single(gate.Decisions);
        Assert.Equal((GateVerdict.Split, 2, false), (decision.Verdict, decision.Parts, decision.Executed));
    }

    [Fact]
    public void A_limit_that_is_not_a_positive_amount_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SafetyGate(new RecordingDesk(), new SafetyLimits(false, 0), NotionalUsd));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SafetyGate(new RecordingDesk(), new SafetyLimits(false, double.NaN), NotionalUsd));
    }

    /// <summary>A desk that records what reaches it and refuses from the n-th intent on (1-based) when asked to.</summary>
    private sealed class RecordingDesk : IExecutionDesk
    {
        public List<TradeIntent> Intents { get; } = [];

        public List<string> Decisions { get; } = [];

        public int RefuseFrom { get; init; } = int.MaxValue;

        public void Decide(string action, string reason) => Decisions.Add(action);

        public bool Execute(TradeIntent intent)
        {
            Intents.Add(intent);
            return Intents.Count < RefuseFrom;
        }
    }
}
