using Basis.Venues.Ethereum;
using Basis.Venues.Exchanges;

namespace Basis.Live.Safety;

/// <summary>
/// The one place that decides whether an instance may execute for real (DESIGN §11): only when
/// <c>BASIS_LIVE_TRADING__ENABLED=true</c>, <c>BASIS_LIVE_TRADING__READ_ONLY=false</c> and the credentials of
/// <c>BASIS_ENVIRONMENT</c> exist for every venue it uses. Anything short of that is paper, with every reason named.
/// </summary>
public static class ExecutionGate
{
    /// <summary>
    /// Decides the execution of an instance that asks for <paramref name="requested"/>, reading credentials through
    /// <paramref name="getVariable"/> (the process environment in a host). Credentials are checked for presence and
    /// shape only; whether a venue accepts them shows on the first signed request.
    /// </summary>
    public static ExecutionDecision Decide(ExecutionKind requested, LiveTradingSettings settings, LiveVenueUse venues, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(venues);
        ArgumentNullException.ThrowIfNull(getVariable);
        if (requested == ExecutionKind.Paper)
        {
            return ExecutionDecision.Paper;
        }

        var refusals = new List<string>();
        if (!settings.Enabled)
        {
            refusals.Add($"{LiveTradingSettings.EnabledVariable} is not true: live trading is switched off.");
        }

        if (settings.ReadOnly)
        {
            refusals.Add($"{LiveTradingSettings.ReadOnlyVariable} is not false: live trading may only watch.");
        }

        refusals.AddRange(MissingCredentials(venues, getVariable));
        return refusals.Count == 0 ? new ExecutionDecision(ExecutionKind.Real, []) : new ExecutionDecision(ExecutionKind.Paper, refusals);
    }

    private static IEnumerable<string> MissingCredentials(LiveVenueUse venues, Func<string, string?> getVariable)
    {
        BasisEnvironment environment;
        try
        {
            environment = BasisEnvironments.Parse(getVariable(BasisEnvironments.VariableName));
        }
        catch (ExchangeConfigurationException e)
        {
            // Without the environment the credential names are unknown, so there is nothing more to check.
            return [e.Message];
        }

        var missing = new List<string>();
        foreach (var keys in venues.Exchanges.Order().SelectMany(KeysOf))
        {
            try
            {
                ExchangeCredentials.FromEnvironment(keys, getVariable);
            }
            catch (ExchangeConfigurationException e)
            {
                missing.Add(e.Message);
            }
        }

        if (venues.UsesChain && ChainKeyProblem(BasisEnvironments.CredentialPrefix(environment) + "ALCHEMY__PRIVATE_KEY", getVariable) is { } problem)
        {
            missing.Add(problem);
        }

        return missing;
    }

    // Binance signs futures and spot/wallet calls with separate key pairs, and its client needs both.
    private static ExchangeAccountKeys[] KeysOf(ExchangeVenue venue) => venue switch
    {
        ExchangeVenue.Binance => [ExchangeAccountKeys.BinanceFutures, ExchangeAccountKeys.BinanceSpot],
        ExchangeVenue.Bybit => [ExchangeAccountKeys.Bybit],
        ExchangeVenue.Okx => [ExchangeAccountKeys.Okx],
        _ => throw new ArgumentOutOfRangeException(nameof(venue), venue, null),
    };

    private static string? ChainKeyProblem(string variable, Func<string, string?> getVariable)
    {
        var key = getVariable(variable)?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return $"{variable} is not set or empty.";
        }

        try
        {
            // The chain id plays no part in checking the key's shape.
            EthereumAccount.FromPrivateKey(key, chainId: 1);
            return null;
        }
        catch (ArgumentException)
        {
            return $"{variable} is not a private key: 64 hex digits, optionally after 0x.";
        }
    }
}
