using System.Text;
using System.Text.Json;
using Basis.Venues.Exchanges;

namespace Basis.Venues.Tests.Simulator;

/// <summary>The simulator's journal over HTTP: what other processes (the node scripts' callers, a person) read.</summary>
public sealed class RequestJournalTests
{
    [Fact]
    public async Task Requests_are_readable_and_clearable_over_http()
    {
        var token = TestContext.Current.CancellationToken;
        await using var rig = await SimulatorRig.StartAsync(ExchangeVenue.Bybit);
        await rig.Client.SetLeverageAsync(rig.Symbol, 5, token);
        using var http = new HttpClient { BaseAddress = new Uri(rig.Host.BaseUrl) };

        using var journal = JsonDocument.Parse(await http.GetStringAsync(new Uri("/_sim/requests", UriKind.Relative), token));
        var post = journal.RootElement.EnumerateArray().Single(e => e.GetProperty("method").GetString() == "POST");
        using var cleared = await http.DeleteAsync(new Uri("/_sim/requests", UriKind.Relative), token);

        Assert.Equal("/v5/position/set-leverage", post.GetProperty("path").GetString());
        var body = post.GetProperty("body").GetString();
        Assert.Equal("""{"category":"linear","symbol":"BTCUSDT","buyLeverage":"5","sellLeverage":"5"}""", body);
        Assert.Equal(body, Encoding.UTF8.GetString(Convert.FromBase64String(post.GetProperty("body_base64").GetString()!)));
        Assert.Equal(SimulatorRig.Key, post.GetProperty("headers").GetProperty("X-BAPI-API-KEY").GetString());
        Assert.True(cleared.IsSuccessStatusCode);
        Assert.Empty(rig.Journal.Entries);
    }
}
