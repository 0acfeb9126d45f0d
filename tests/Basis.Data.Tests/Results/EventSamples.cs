using Basis.Core.Events;

namespace Basis.Data.Tests.Results;

/// <summary>Events of every type <c>events.jsonl</c> knows, with strings and numbers that are easy to get wrong.</summary>
internal static class EventSamples
{
    public static IReadOnlyList<SimulationEvent> OneOfEach(DateTime time) =>
    [
        new RebalanceEvent(time, "entry_full", "buy ETH → short \"perps\" <on> binance & bybit, margin 0.25 é\n", 100_000),
        new TradeEvent(time, "bybit:BaseToken:ETH", "buy", 21.26178035517804, 3_762.62, 80_000, 80, 16, 0, "entry"),
        new TransferEvent(time, "wallet", "binance", 40_000, 1, 0.000_12, "margin top-up"),
        new SupplyEvent(time, "aave_v3:aToken:aUSDT", 100_000, 98_765.432_1, 1.012_487_612_345_678_9, 0.000_3, "entry"),
        new WithdrawEvent(time, "aave_v3:aToken:aUSDT", 5_000, 4_938.27, 1.012_5, 0.000_3, "withdrawal"),
        new BorrowEvent(time, "aave_v3:debtToken:WETH", 12.5, 12.1, 1.033, 0.000_4, "leverage"),
        new RepayEvent(time, "aave_v3:debtToken:WETH", 12.5, 12.1, 1.034, 0.000_4, "unwind"),
        new StakeEvent(time, "etherfi:Lst:weETH", 10, 9.615_384_615_384_615, 1.04, 0.000_5, "entry"),
        new SwapEvent(time, "EIGEN", "ETH", 125.5, 0.042, 0.13, 0.01, 0.000_6, "sell rewards"),
        new FlashLoanEvent(time, "borrow", 90, 0),
        new AtomicGroupEvent(time, "leverage_entry", "executed", "target LTV 0.88", null, 1.051_2, 0.88, 0.001_2),
        new FundingEvent(time, "binance:Perp:ETHUSDT", -1.2e-5, -10.630_890_177_589_02, 3_764.35, -0.0),
        new RewardEvent(time, "etherfi:Reward:EIGEN", 0.2, 9.6, 0.000_02, time.AddDays(-7), time, true),
        new LiquidationEvent(time, "okx:Perp:ETHUSDT", -3, 4_100, 0.004_9, 61.5),
        new BadDebtEvent(time, "aave_v3:debtToken:debtWETH", 4.349_504_950_495_05, 13_048.514_851_485_15),
        new FlowEvent(time, -30_000, -12_345.678),
        new FlowRefusedEvent(time, -60_000, 49_999.5, "the withdrawal of 60,000.00 USDT at 2025-01-01T04:00:00Z is more than the equity <at> that hour (49,999.50 USDT)"),
    ];
}
