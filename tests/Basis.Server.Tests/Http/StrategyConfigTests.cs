using System.Net.Http.Json;
using System.Text.Json;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Http;

/// <summary><c>GET /api/v1/strategies/{name}/config</c>: the merged tree, and each strategy setting's type and bounds.</summary>
public sealed class StrategyConfigTests : HostedTest
{
    [Fact]
    public async Task A_mode_s_settings_come_with_the_type_and_bounds_its_binding_checks()
    {
        var config = await Host.Http.GetFromJsonAsync<JsonElement>("/api/v1/strategies/eth_basis/config", TestContext.Current.CancellationToken);

        var parameters = config.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!);
        // BasisParameters: margin_fraction from 0.01 to 1, margin_excess_threshold from 0 to 10, spot_venue one of a few.
        Assert.Equal("number", parameters["margin_fraction"].GetProperty("type").GetString());
        Assert.Equal(0.01, parameters["margin_fraction"].GetProperty("min").GetDouble());
        Assert.Equal(1, parameters["margin_fraction"].GetProperty("max").GetDouble());
        Assert.Equal(10, parameters["margin_excess_threshold"].GetProperty("max").GetDouble());
        Assert.Equal("choice", parameters["spot_venue"].GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, parameters["spot_venue"].GetProperty("min").ValueKind);
        Assert.Equal(["binance", "bybit", "okx"], parameters["spot_venue"].GetProperty("choices").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["BTC", "ETH"], parameters["asset"].GetProperty("choices").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, parameters["margin_fraction"].GetProperty("choices").ValueKind);
        Assert.Equal("0.25", config.GetProperty("config").GetProperty("margin_fraction").GetString());
    }

    [Fact]
    public async Task A_choice_lists_its_members_as_the_files_write_them()
    {
        var config = await Host.Http.GetFromJsonAsync<JsonElement>("/api/v1/strategies/eth_staking_only/config", TestContext.Current.CancellationToken);

        var lst = config.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "lst_type");
        Assert.Equal(["weETH", "wstETH"], lst.GetProperty("choices").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("weETH", config.GetProperty("config").GetProperty("lst_type").GetString());
    }
}
