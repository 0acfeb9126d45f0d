namespace Basis.Venues.Exchanges.Binance;

public sealed class BinanceClientOptions
{
    public required ExchangeEndpoints Endpoints { get; init; }

    /// <summary>Key for /fapi (USDⓈ-M futures).</summary>
    public required ExchangeCredentials FuturesCredentials { get; init; }

    /// <summary>Key for /api (spot) and /sapi (wallet: transfers, deposit addresses, withdrawals).</summary>
    public required ExchangeCredentials SpotCredentials { get; init; }

    /// <summary>How long after its timestamp Binance still accepts a signed request.</summary>
    public int RecvWindowMs { get; init; } = 5000;

    /// <summary>The only addresses <see cref="IPerpExchange.WithdrawAsync"/> sends to (exact, case-sensitive match).</summary>
    public IReadOnlySet<string> WithdrawalAllowList { get; init; } = new HashSet<string>();

    /// <summary>Retries of requests that are safe to repeat; 3 with 1 s, 2 s, 4 s as the original system did.</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public BinanceRateLimits FuturesRateLimits { get; init; } = BinanceRateLimits.UsdMarginedFutures;
    public BinanceRateLimits SpotRateLimits { get; init; } = BinanceRateLimits.Spot;

    /// <summary>Requests pause until the window resets once usage reaches this share of a limit.</summary>
    public double SlowDownAtShareOfLimit { get; init; } = 0.9;

    /// <summary>Endpoints and both key pairs for the environment in BASIS_ENVIRONMENT.</summary>
    public static BinanceClientOptions FromEnvironment(Func<string, string?> getVariable, IReadOnlySet<string> withdrawalAllowList)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var environment = BasisEnvironments.Parse(getVariable(BasisEnvironments.VariableName));
        return new BinanceClientOptions
        {
            Endpoints = ExchangeEndpoints.For(ExchangeVenue.Binance, environment),
            FuturesCredentials = ExchangeCredentials.FromEnvironment(ExchangeAccountKeys.BinanceFutures, getVariable),
            SpotCredentials = ExchangeCredentials.FromEnvironment(ExchangeAccountKeys.BinanceSpot, getVariable),
            WithdrawalAllowList = withdrawalAllowList,
        };
    }
}
