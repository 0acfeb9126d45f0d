namespace Basis.Live.Ledger;

/// <summary>
/// An on-chain transaction carrying an atomic plan (e.g. <c>leveraged_stake</c>), by hash (0x and 64 lower-case hex
/// digits); saving it again records its progress: status, gas, block.
/// </summary>
public sealed record LedgerTransaction(
    string TxHash,
    string InstanceId,
    string PlanName,
    TransactionStatus Status,
    long? GasUsed,
    decimal? GasPriceWei,
    long? BlockNumber,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc);
