using Basis.Configuration;
using Basis.Configuration.Environments;
using Basis.Live.Safety;

namespace Basis.Live.Tests.Safety;

public sealed class LiveTradingSettingsTests
{
    [Fact]
    public void The_repository_env_files_give_the_safe_defaults()
    {
        var layers = EnvironmentLayers.Load(Repository.ConfigsDirectory, "dev", []);

        var settings = LiveTradingSettings.From(layers);

        Assert.Equal(LiveTradingSettings.Default, settings);
        Assert.False(settings.Enabled);
        Assert.True(settings.ReadOnly);
        Assert.Equal(1_000m, settings.MaxTradeSizeUsd);
        Assert.Equal(5m, settings.EmergencyStopLossPct);
        Assert.Equal(TimeSpan.FromSeconds(180), settings.HeartbeatTimeout);
        Assert.True(settings.CircuitBreakerEnabled);
        Assert.Equal((1.01, 0.02), (settings.HealthFactorFloor, settings.MarginRatioFloor));
    }

    [Fact]
    public void Every_variable_is_read()
    {
        var settings = LiveTradingSettings.From(Variables(
            ("BASIS_LIVE_TRADING__ENABLED", "true"),
            ("BASIS_LIVE_TRADING__READ_ONLY", "false"),
            ("BASIS_LIVE_TRADING__MAX_TRADE_SIZE_USD", "2500.50"),
            ("BASIS_LIVE_TRADING__EMERGENCY_STOP_LOSS_PCT", "12.5"),
            ("BASIS_LIVE_TRADING__HEARTBEAT_TIMEOUT_SECONDS", "300"),
            ("BASIS_LIVE_TRADING__CIRCUIT_BREAKER_ENABLED", "false"),
            ("BASIS_LIVE_TRADING__HEALTH_FACTOR_FLOOR", "1.1"),
            ("BASIS_LIVE_TRADING__MARGIN_RATIO_FLOOR", "0.05"),
            ("BASIS_DATA_MODE", "csv")));

        Assert.Equal(new LiveTradingSettings(true, false, 2500.50m, 12.5m, TimeSpan.FromMinutes(5), false) { HealthFactorFloor = 1.1, MarginRatioFloor = 0.05 }, settings);
    }

    [Theory]
    [InlineData("BASIS_LIVE_TRADING__MAX_TRADE_SIZE_USD", "0", "must be a positive number of USD")]
    [InlineData("BASIS_LIVE_TRADING__MAX_TRADE_SIZE_USD", "-5", "must be a positive number of USD")]
    [InlineData("BASIS_LIVE_TRADING__MAX_TRADE_SIZE_USD", "lots", "expected a number")]
    [InlineData("BASIS_LIVE_TRADING__EMERGENCY_STOP_LOSS_PCT", "150", "must be between 0 and 100")]
    [InlineData("BASIS_LIVE_TRADING__HEARTBEAT_TIMEOUT_SECONDS", "0", "must be at least 1")]
    [InlineData("BASIS_LIVE_TRADING__ENABLED", "yes", "expected true or false")]
    [InlineData("BASIS_LIVE_TRADING__CIRCUIT_BREAKER_ENABLED", "off", "expected true or false")]
    [InlineData("BASIS_LIVE_TRADING__HEALTH_FACTOR_FLOOR", "0.9", "must be at least 1")]
    [InlineData("BASIS_LIVE_TRADING__MARGIN_RATIO_FLOOR", "2", "must be between 0 and 1")]
    public void A_bad_value_is_an_error_naming_the_variable_and_the_problem(string variable, string value, string problem)
    {
        var error = Assert.Single(Assert.Throws<ConfigException>(() => LiveTradingSettings.From(Variables((variable, value)))).Errors);

        Assert.Equal(variable, error.Path);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_list_every_bad_variable_and_never_quote_a_value()
    {
        var thrown = Assert.Throws<ConfigException>(() => LiveTradingSettings.From(Variables(
            ("BASIS_LIVE_TRADING__MAX_TRADE_SIZE_USD", "9e99x"),
            ("BASIS_LIVE_TRADING__EMERGENCY_STOP_LOSS_PCT", "101"))));

        Assert.Equal(["BASIS_LIVE_TRADING__EMERGENCY_STOP_LOSS_PCT", "BASIS_LIVE_TRADING__MAX_TRADE_SIZE_USD"], thrown.Errors.Select(e => e.Path).Order());
        Assert.DoesNotContain("9e99x", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("101", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_live_trading_variable_is_an_error()
    {
        var error = Assert.Single(Assert.Throws<ConfigException>(() => LiveTradingSettings.From(Variables(("BASIS_LIVE_TRADING__ENABLE", "true")))).Errors);

        Assert.Contains("BASIS_LIVE_TRADING__ENABLED", error.Message, StringComparison.Ordinal);
    }

    private static SettingsDictionary Variables(params (string Name, string Value)[] variables) =>
        SettingsDictionary.FromEnvironmentVariables(variables.Select(v => KeyValuePair.Create(v.Name, v.Value)));
}
