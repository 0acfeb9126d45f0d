namespace Basis.Venues.Exchanges.Bybit;

public sealed class BybitClientOptions
{
    public required ExchangeEndpoints Endpoints { get; init; }
    public required ExchangeCredentials Credentials { get; init; }

    /// <summary>How long after its timestamp Bybit still accepts a signed request.</summary>
    public int RecvWindowMs { get; init; } = 5000;

    /// <summary>The only addresses <see cref="IPerpExchange.WithdrawAsync"/> sends to (exact, case-sensitive match).</summary>
    public IReadOnlySet<string> WithdrawalAllowList { get; init; } = new HashSet<string>();

    /// <summary>Retries of requests that are safe to repeat; 3 with 1 s, 2 s, 4 s as the original system did.</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests pause until the limit window resets once this share of it is used (X-Bapi-Limit-Status).</summary>
    public double SlowDownAtShareOfLimit { get; init; } = 0.9;

    public static BybitClientOptions FromEnvironment(Func<string, string?> getVariable, IReadOnlySet<string> withdrawalAllowList)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var environment = BasisEnvironments.Parse(getVariable(BasisEnvironments.VariableName));
        return new BybitClientOptions
        {
            Endpoints = ExchangeEndpoints.For(ExchangeVenue.Bybit, environment),
            Credentials = ExchangeCredentials.FromEnvironment(ExchangeAccountKeys.Bybit, getVariable),
            WithdrawalAllowList = withdrawalAllowList,
        };
    }
}
