namespace Basis.ExchangeSimulator.Accounting;

/// <summary>One API key's account: wallet (trading), spot and funding balances per asset, deposits, withdrawals, positions, per-symbol leverage and margin mode, orders.</summary>
public sealed class SimAccount(string apiKey, string secret, string passphrase)
{
    // Binance's default initial leverage for a symbol never set.
    public const int DefaultLeverage = 20;

    public string ApiKey { get; } = apiKey;

    public string Secret { get; } = secret;

    /// <summary>OKX's third credential (empty where the venue has none).</summary>
    public string Passphrase { get; } = passphrase;

    /// <summary>Wallet balance per asset: deposits + realised PnL − fees ± funding.</summary>
    public Dictionary<string, decimal> Wallet { get; } = new(StringComparer.Ordinal);

    /// <summary>A separate spot account's balance per asset (Binance); unified accounts trade spot from <see cref="Wallet"/>.</summary>
    public Dictionary<string, decimal> Spot { get; } = new(StringComparer.Ordinal);

    /// <summary>Funding-account balance per asset (Bybit FUND, OKX funding): outside margin, where withdrawals leave from.</summary>
    public Dictionary<string, decimal> Funding { get; } = new(StringComparer.Ordinal);

    public List<SimWithdrawal> Withdrawals { get; } = [];

    /// <summary>Transfers seen on chain to the account's deposit addresses, pending or credited.</summary>
    public List<SimDeposit> Deposits { get; } = [];

    public Dictionary<string, Position> Positions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Leverage { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, MarginMode> MarginModes { get; } = new(StringComparer.Ordinal);

    public List<SimOrder> Orders { get; } = [];

    /// <summary>Funding received (negative: paid) per symbol, summed.</summary>
    public Dictionary<string, decimal> FundingReceived { get; } = new(StringComparer.Ordinal);

    public long UpdateTimeMs { get; set; }

    public Position Position(string symbol)
    {
        if (!Positions.TryGetValue(symbol, out var position))
        {
            position = new Position(symbol);
            Positions[symbol] = position;
        }

        return position;
    }

    public int LeverageOf(string symbol) => Leverage.TryGetValue(symbol, out var leverage) ? leverage : DefaultLeverage;

    public MarginMode MarginModeOf(string symbol) => MarginModes.TryGetValue(symbol, out var mode) ? mode : MarginMode.Cross;

    public decimal WalletOf(string asset) => Wallet.TryGetValue(asset, out var balance) ? balance : 0m;

    public decimal FundingOf(string asset) => Funding.TryGetValue(asset, out var balance) ? balance : 0m;
}
