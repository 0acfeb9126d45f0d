using Basis.ExchangeSimulator.Chain;

namespace Basis.ExchangeSimulator;

/// <summary>How a simulator starts. Paths are folders of the repository's layout (<c>data/</c>, <c>configs/</c>).</summary>
public sealed record SimulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one (see <see cref="SimulatorHost.BaseUrl"/>).</summary>
    public int Port { get; init; }

    /// <summary>The canonical market-data folder the marks and funding come from.</summary>
    public required string DataRoot { get; init; }

    /// <summary>The configs folder: fees and maintenance margin from <c>venues/binance.yaml</c>.</summary>
    public required string ConfigsRoot { get; init; }

    /// <summary>Where the simulated clock starts (a whole UTC hour inside the data).</summary>
    public DateTime StartUtc { get; init; } = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Market orders fill this far from the mark, against the taker.</summary>
    public decimal SlippageBps { get; init; }

    public IReadOnlyList<SimulatorAccount> Accounts { get; init; } = [];

    /// <summary>
    /// The chain deposits arrive from and withdrawals are sent to; without one, deposit addresses are still served but
    /// nothing is ever deposited, and withdrawals are only recorded and debited.
    /// </summary>
    public SimulatorChain? Chain { get; init; }

    /// <summary>Everything wrong with these options, each naming the option (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Port is < 0 or > 65535)
        {
            errors.Add($"port: {Port} is not 0 (any free port) or a TCP port");
        }

        if (!Directory.Exists(DataRoot))
        {
            errors.Add($"data: folder '{DataRoot}' does not exist");
        }

        if (!Directory.Exists(ConfigsRoot))
        {
            errors.Add($"configs: folder '{ConfigsRoot}' does not exist");
        }

        if (StartUtc.Kind != DateTimeKind.Utc || StartUtc.Minute != 0 || StartUtc.Second != 0 || StartUtc.Millisecond != 0)
        {
            errors.Add($"start: {StartUtc:O} is not a whole UTC hour");
        }

        if (SlippageBps is < 0 or > 1000)
        {
            errors.Add($"slippage: {SlippageBps} bps is outside 0–1000");
        }

        if (Accounts.Count == 0)
        {
            errors.Add("accounts: at least one account (key, secret, balance) is needed");
        }

        foreach (var account in Accounts)
        {
            if (account.ApiKey.Length == 0 || account.Secret.Length == 0 || account.StartingUsdt < 0 || account.StartingSpotUsdt < 0)
            {
                errors.Add($"accounts: '{account.ApiKey}' needs a key, a secret and a balance ≥ 0");
            }
        }

        if (Accounts.Select(a => a.ApiKey).Distinct(StringComparer.Ordinal).Count() != Accounts.Count)
        {
            errors.Add("accounts: API keys must be distinct");
        }

        errors.AddRange(Chain?.Validate() ?? []);
        return errors;
    }
}
