namespace Basis.Venues.Exchanges;

/// <summary>
/// An API key pair (and OKX's passphrase). A class rather than a record so that no generated ToString, equality
/// or deconstruction can expose the secret; <see cref="ToString"/> shows only the start of the key.
/// </summary>
public sealed class ExchangeCredentials
{
    public ExchangeCredentials(string apiKey, string secret, string? passphrase = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        ApiKey = apiKey;
        Secret = secret;
        Passphrase = passphrase;
    }

    public string ApiKey { get; }
    public string Secret { get; }
    public string? Passphrase { get; }

    public override string ToString() =>
        $"ExchangeCredentials(ApiKey {ApiKey[..Math.Min(4, ApiKey.Length)]}…, secret hidden{(Passphrase is null ? "" : ", passphrase hidden")})";

    /// <summary>
    /// Reads BASIS_{DEV|STAGING|PROD}__CEX__{BINANCE_SPOT|BINANCE_FUTURES|BYBIT|OKX}_API_KEY, _SECRET (and OKX's
    /// _PASSPHRASE) for the environment in BASIS_ENVIRONMENT. Empty values and placeholders are rejected.
    /// </summary>
    public static ExchangeCredentials FromEnvironment(ExchangeAccountKeys keys, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var environment = BasisEnvironments.Parse(getVariable(BasisEnvironments.VariableName));
        var stem = BasisEnvironments.CredentialPrefix(environment) + "CEX__" + keys switch
        {
            ExchangeAccountKeys.BinanceSpot => "BINANCE_SPOT_API",
            ExchangeAccountKeys.BinanceFutures => "BINANCE_FUTURES_API",
            ExchangeAccountKeys.Bybit => "BYBIT_API",
            ExchangeAccountKeys.Okx => "OKX_API",
            _ => throw new ArgumentOutOfRangeException(nameof(keys), keys, null),
        };
        var apiKey = Required(stem + "_KEY", getVariable);
        var secret = Required(stem + "_SECRET", getVariable);
        var passphrase = keys == ExchangeAccountKeys.Okx ? Required(stem + "_PASSPHRASE", getVariable) : null;
        return new ExchangeCredentials(apiKey, secret, passphrase);
    }

    public static ExchangeCredentials FromEnvironment(ExchangeAccountKeys keys) =>
        FromEnvironment(keys, Environment.GetEnvironmentVariable);

    private static string Required(string name, Func<string, string?> getVariable)
    {
        var value = getVariable(name)?.Trim();
        if (string.IsNullOrEmpty(value))
            throw new ExchangeConfigurationException(name, $"{name} is not set or empty.");
        if (IsPlaceholder(value))
            throw new ExchangeConfigurationException(name, $"{name} holds a placeholder, not a credential.");
        return value;
    }

    // The placeholders of the original system's example env files (EXI-004).
    private static bool IsPlaceholder(string value) =>
        value.StartsWith("your_", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("0x...", StringComparison.Ordinal)
        || value.Equals("0x", StringComparison.OrdinalIgnoreCase);
}
