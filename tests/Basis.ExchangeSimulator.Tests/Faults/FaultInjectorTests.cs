using System.Net;
using Basis.ExchangeSimulator.Tests.Binance;

namespace Basis.ExchangeSimulator.Tests.Faults;

/// <summary>Faults answer in the format of the venue whose path was called.</summary>
public sealed class FaultInjectorTests
{
    [Fact]
    public async Task Rate_limit_on_bybit_is_retcode_10006_and_on_okx_429_with_50011()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);
        (await client.ControlAsync("/_sim/faults", """{"rate_limit_next":2,"retry_after_seconds":3}""")).EnsureSuccessStatusCode();

        var bybit = await client.GetAsync("/v5/market/time");
        var okx = await client.GetAsync("/api/v5/public/time");
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.OK, bybit.StatusCode);
        Assert.Contains("\"retCode\":10006", await bybit.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, okx.StatusCode);
        Assert.Contains("\"code\":\"50011\"", await okx.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal("3", okx.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task Faults_spare_the_control_endpoints_and_stop_when_deleted()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);
        (await client.ControlAsync("/_sim/faults", """{"server_error_next":5}""")).EnsureSuccessStatusCode();

        var control = await client.GetAsync("/_sim/clock");
        var failing = await client.GetAsync("/fapi/v1/time");
        (await client.ControlDeleteAsync("/_sim/faults")).EnsureSuccessStatusCode();
        var healthy = await client.GetAsync("/fapi/v1/time");

        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }
}
