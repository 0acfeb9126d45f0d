namespace Basis.Venues.Exchanges;

/// <summary>
/// Total: Wallet balance (free plus locked; for futures the wallet balance without unrealised PnL).
/// Available: What can be used for new orders or withdrawn now.
/// </summary>
public sealed record AssetBalance(TradingAccount Account, string Asset, decimal Total, decimal Available);
