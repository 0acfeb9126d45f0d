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
        Assert.Equal("0.25", config.GetProperty("config").GetProperty("margin_fraction").GetString());
    }
}
