namespace Basis.Venues.Exchanges.Okx;

public sealed class OkxClientOptions
{
    /// <summary>IsTestnet selects OKX demo trading (same host, x-simulated-trading: 1).</summary>
    public required ExchangeEndpoints Endpoints { get; init; }

    /// <summary>Needs the passphrase.</summary>
    public required ExchangeCredentials Credentials { get; init; }

    /// <summary>OKX picks the margin mode per order (tdMode) and per leverage setting (mgnMode); this is the one used.</summary>
    public MarginMode MarginMode { get; init; } = MarginMode.Cross;

    /// <summary>The only addresses <see cref="IPerpExchange.WithdrawAsync"/> sends to (exact, case-sensitive match).</summary>
    public IReadOnlySet<string> WithdrawalAllowList { get; init; } = new HashSet<string>();

    /// <summary>Retries of requests that are safe to repeat; 3 with 1 s, 2 s, 4 s as the original system did.</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>Also how long requests pause after OKX's rate-limit error (OKX sends no usage headers).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public static OkxClientOptions FromEnvironment(Func<string, string?> getVariable, IReadOnlySet<string> withdrawalAllowList)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var environment = BasisEnvironments.Parse(getVariable(BasisEnvironments.VariableName));
        return new OkxClientOptions
        {
            Endpoints = ExchangeEndpoints.For(ExchangeVenue.Okx, environment),
            Credentials = ExchangeCredentials.FromEnvironment(ExchangeAccountKeys.Okx, getVariable),
            WithdrawalAllowList = withdrawalAllowList,
        };
    }
}
