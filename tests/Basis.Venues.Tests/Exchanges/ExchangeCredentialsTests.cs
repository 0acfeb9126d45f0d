using Basis.Venues.Exchanges;

namespace Basis.Venues.Tests.Exchanges;

public sealed class ExchangeCredentialsTests
{
    private static Func<string, string?> Variables(params (string Name, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }

    [Fact]
    public void ToString_never_shows_the_secret_or_passphrase()
    {
        var credentials = new ExchangeCredentials("AKIAKEY123", "super-secret-value", "pass-phrase-value");

        var text = credentials.ToString();

        Assert.DoesNotContain("super-secret-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pass-phrase-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAKEY123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("super-secret-value", $"{credentials}", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev", "BASIS_DEV__")]
    [InlineData("staging", "BASIS_STAGING__")]
    [InlineData("production", "BASIS_PROD__")]
    [InlineData("prod", "BASIS_PROD__")]
    public void Reads_the_futures_keys_of_the_environment(string environment, string prefix)
    {
        var credentials = ExchangeCredentials.FromEnvironment(
            ExchangeAccountKeys.BinanceFutures,
            Variables(
                ("BASIS_ENVIRONMENT", environment),
                (prefix + "CEX__BINANCE_FUTURES_API_KEY", "fut-key"),
                (prefix + "CEX__BINANCE_FUTURES_API_SECRET", "fut-secret")));

        Assert.Equal("fut-key", credentials.ApiKey);
        Assert.Equal("fut-secret", credentials.Secret);
        Assert.Null(credentials.Passphrase);
    }

    [Fact]
    public void Okx_needs_its_passphrase()
    {
        var error = Assert.Throws<ExchangeConfigurationException>(() => ExchangeCredentials.FromEnvironment(
            ExchangeAccountKeys.Okx,
            Variables(
                ("BASIS_ENVIRONMENT", "staging"),
                ("BASIS_STAGING__CEX__OKX_API_KEY", "okx-key"),
                ("BASIS_STAGING__CEX__OKX_API_SECRET", "okx-secret"))));

        Assert.Equal("BASIS_STAGING__CEX__OKX_API_PASSPHRASE", error.VariableName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("your_binance_secret")]
    [InlineData("YOUR_SECRET")]
    [InlineData("0x...")]
    public void Empty_and_placeholder_values_are_rejected_naming_the_variable_not_the_value(string value)
    {
        var error = Assert.Throws<ExchangeConfigurationException>(() => ExchangeCredentials.FromEnvironment(
            ExchangeAccountKeys.Bybit,
            Variables(
                ("BASIS_ENVIRONMENT", "prod"),
                ("BASIS_PROD__CEX__BYBIT_API_KEY", "bybit-key"),
                ("BASIS_PROD__CEX__BYBIT_API_SECRET", value))));

        Assert.Equal("BASIS_PROD__CEX__BYBIT_API_SECRET", error.VariableName);
        Assert.Contains("BASIS_PROD__CEX__BYBIT_API_SECRET", error.Message, StringComparison.Ordinal);
        if (value.Trim().Length > 0)
            Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_variable_is_named()
    {
        var error = Assert.Throws<ExchangeConfigurationException>(() => ExchangeCredentials.FromEnvironment(
            ExchangeAccountKeys.BinanceSpot, Variables(("BASIS_ENVIRONMENT", "dev"))));

        Assert.Equal("BASIS_DEV__CEX__BINANCE_SPOT_API_KEY", error.VariableName);
    }

    [Fact]
    public void Unknown_environment_is_rejected()
    {
        var error = Assert.Throws<ExchangeConfigurationException>(() => ExchangeCredentials.FromEnvironment(
            ExchangeAccountKeys.Bybit, Variables(("BASIS_ENVIRONMENT", "qa"))));

        Assert.Equal("BASIS_ENVIRONMENT", error.VariableName);
    }
}
