using Basis.Live.Ledger;
using Basis.Live.Safety;
using Basis.Venues.Exchanges;

namespace Basis.Live.Tests.Ledger;

/// <summary>Ledger rows for the worked examples: one instance trading ETHUSDT perps on Binance with a USDT deposit.</summary>
internal static class LedgerSamples
{
    public const string InstanceId = "eth-basis-1";

    public static readonly DateTimeOffset Start = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    public static LiveInstance Instance(string id = InstanceId) => new(
        id, "ETH basis", "eth_basis", "usdt", 10_000m, ["binance"], """{"max_trade_size_usd": 1000}""",
        ExecutionKind.Paper, LiveInstanceStatus.Active, Start, Start);

    public static LedgerTransfer Deposit(decimal amount) =>
        new(InstanceId, "deposit-1", "USDT", amount, 0m, From: null, To: "binance", Start);

    public static LedgerFill PerpFill(string fillId, OrderSide side, decimal quantity, decimal price, decimal fee, int minutes) =>
        new(InstanceId, "binance", fillId, "bs" + fillId, "ETHUSDT", MarketType.Perp, "ETH", "USDT", side, quantity, price, fee, "USDT", Start.AddMinutes(minutes));

    public static LedgerFunding Funding(decimal amount, int hours) =>
        new(InstanceId, "binance", "ETHUSDT", "USDT", amount, Start.AddHours(hours));

    // Buy 2 @ 3000 (fee 0.05 %: 3.00), sell 0.5 @ 3100 (fee 0.775), then pay 1.2 USDT funding.
    public static IReadOnlyList<LedgerFill> WorkedFills { get; } =
    [
        PerpFill("f1", OrderSide.Buy, 2m, 3000m, 3m, minutes: 5),
        PerpFill("f2", OrderSide.Sell, 0.5m, 3100m, 0.775m, minutes: 65),
    ];
}
