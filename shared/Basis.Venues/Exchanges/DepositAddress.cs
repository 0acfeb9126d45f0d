namespace Basis.Venues.Exchanges;

/// <summary>
/// Tag: Memo or tag some networks need besides the address; null when none.
/// </summary>
public sealed record DepositAddress(string Asset, string Network, string Address, string? Tag);
