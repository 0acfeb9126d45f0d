namespace Basis.Live.Ledger;

/// <summary>The engine's state after an instance's last simulated hour; <c>NextHourUtc</c> is the first hour not yet simulated.</summary>
public sealed record LedgerCheckpoint(string InstanceId, DateTimeOffset NextHourUtc, byte[] State, DateTimeOffset UpdatedUtc);
