using System.Text.Json;
using Basis.Server.Tests.Support;
using Basis.Testing;

namespace Basis.Server.Tests.Integration;

/// <summary>The HTTP host with its results in a real PostgreSQL: a finished backtest outlives the host that ran it.</summary>
public sealed class ResultStoreRestartTests(ResultStoreRestartTests.Database database) : IClassFixture<ResultStoreRestartTests.Database>
{
    [Fact]
    public async Task A_completed_backtest_is_served_from_the_store_by_a_new_host_after_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        var settings = new Dictionary<string, string> { ["BASIS_DATABASE_CONNECTION"] = await database.Server.CreateDatabaseAsync() };
        var body = new { strategy_name = "eth_basis", start_date = "2025-01-01T00:00:00Z", end_date = "2025-04-01T00:00:00Z" };

        string status;
        JsonElement summary;
        await using (var first = await PipelineHost.StartAsync(temp.Combine("unused"), settings, ct))
        {
            status = await first.SubmitAsync("backtests", body, ct);
            var done = await first.WaitAsync(status, ct);
            Assert.Equal("Completed", done.GetProperty("runtimeStatus").GetString());
            summary = await first.GetJsonAsync(done.GetProperty("resultUri").GetString()!, ct);
        }

        // The new host's embedded silo has never seen the run: everything below comes from PostgreSQL.
        await using var second = await PipelineHost.StartAsync(temp.Combine("unused"), settings, ct);
        var path = new Uri(status).AbsolutePath;
        var state = await second.GetJsonAsync(path, ct);
        var again = await second.GetJsonAsync(path + "/result", ct);
        var timeseries = await second.GetTextAsync(path + "/timeseries", ct);
        var report = await second.GetTextAsync(path + "/report", ct);

        Assert.Equal("Completed", state.GetProperty("runtimeStatus").GetString());
        Assert.Equal(JsonValueKind.Null, state.GetProperty("error").ValueKind);
        Assert.EndsWith(path + "/result", state.GetProperty("resultUri").GetString(), StringComparison.Ordinal);
        Assert.Equal(summary.GetRawText(), again.GetRawText());
        Assert.Equal(summary.GetProperty("run_id").GetString(), path[(path.LastIndexOf('/') + 1)..]);

        // 2025-01-01 → 2025-04-01 is 90 days of hours, one row each under a header.
        Assert.Equal(90 * 24 + 1, timeseries.TrimEnd('\n').Split('\n').Length);
        Assert.Contains("<html", report, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    /// <summary>One PostgreSQL for the class; each test takes its own database.</summary>
    public sealed class Database : IAsyncLifetime
    {
        public PostgresServer Server { get; } = new();

        public ValueTask InitializeAsync() => Server.InitializeAsync();

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
