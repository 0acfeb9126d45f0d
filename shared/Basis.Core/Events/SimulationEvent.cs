using System.Text.Json.Serialization;

namespace Basis.Core.Events;

/// <summary>
/// One thing that happened in a run, written as one line of <c>events.jsonl</c> with a <c>type</c>
/// discriminator. Amounts are in the units each field names (USD, USDT, ETH, token units).
/// </summary>
/// <param name="Time">The hour it happened (UTC).</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TradeEvent), "trade")]
[JsonDerivedType(typeof(TransferEvent), "transfer")]
[JsonDerivedType(typeof(SupplyEvent), "supply")]
[JsonDerivedType(typeof(WithdrawEvent), "withdraw")]
[JsonDerivedType(typeof(BorrowEvent), "borrow")]
[JsonDerivedType(typeof(RepayEvent), "repay")]
[JsonDerivedType(typeof(StakeEvent), "stake")]
[JsonDerivedType(typeof(SwapEvent), "swap")]
[JsonDerivedType(typeof(FlashLoanEvent), "flash_loan")]
[JsonDerivedType(typeof(AtomicGroupEvent), "atomic_group")]
[JsonDerivedType(typeof(FundingEvent), "funding")]
[JsonDerivedType(typeof(RewardEvent), "reward")]
[JsonDerivedType(typeof(LiquidationEvent), "liquidation")]
[JsonDerivedType(typeof(BadDebtEvent), "bad_debt")]
[JsonDerivedType(typeof(RebalanceEvent), "rebalance")]
[JsonDerivedType(typeof(FlowEvent), "flow")]
[JsonDerivedType(typeof(FlowRefusedEvent), "flow_refused")]
public abstract record SimulationEvent([property: JsonPropertyOrder(-1)] DateTime Time);
