namespace Basis.Venues.Exchanges;

public static class BasisEnvironments
{
    public const string VariableName = "BASIS_ENVIRONMENT";

    public static BasisEnvironment Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "dev" => BasisEnvironment.Dev,
        "staging" => BasisEnvironment.Staging,
        "production" or "prod" => BasisEnvironment.Production,
        _ => throw new ExchangeConfigurationException(
            VariableName, $"{VariableName} must be dev, staging, production or prod (got '{value}')."),
    };

    /// <summary>The segment of credential variable names: BASIS_DEV__, BASIS_STAGING__, BASIS_PROD__.</summary>
    public static string CredentialPrefix(BasisEnvironment environment) => environment switch
    {
        BasisEnvironment.Dev => "BASIS_DEV__",
        BasisEnvironment.Staging => "BASIS_STAGING__",
        BasisEnvironment.Production => "BASIS_PROD__",
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, null),
    };
}
