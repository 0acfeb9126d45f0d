using System.Globalization;
using Basis.Data.Sample;
using Basis.Server.Tests.Support;
using Basis.Testing;

namespace Basis.Server.Tests.Web;

/// <summary>
/// A real <c>basis serve</c> for the browser tests (a class fixture): its own process on a free loopback port, the
/// embedded back end, results and the live ledger in a throw-away PostgreSQL, the sample data, the dashboard's build
/// (web/dist) and an API key asked for on reads too. Started on first use, with two completed backtests and a
/// completed two-setting sweep; <see cref="OneYearAsync"/> starts a second server on a generated year of data for
/// the benchmark.
/// </summary>
public sealed class DashboardServer : IAsyncLifetime
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly TempFolder _temp = new();
    private ServerProcess? _server;
    private ServerProcess? _oneYear;

    public PostgresServer Postgres { get; } = new();

    /// <summary>The quarter's backtest, completed.</summary>
    public string BacktestId { get; private set; } = string.Empty;

    /// <summary>A second completed backtest (pure_lending_usdt over two months), to compare with the first.</summary>
    public string SecondBacktestId { get; private set; } = string.Empty;

    /// <summary>A completed sweep of eth_basis over a two-setting grid (2 × 2 runs), for the heatmap.</summary>
    public string SweepId { get; private set; } = string.Empty;

    /// <summary>The one-year backtest (after <see cref="OneYearAsync"/>).</summary>
    public string OneYearBacktestId { get; private set; } = string.Empty;

    /// <summary>A two-year backtest beside it (after <see cref="OneYearAsync"/>): more events than one page holds.</summary>
    public string TwoYearBacktestId { get; private set; } = string.Empty;

    public ValueTask InitializeAsync() => Postgres.InitializeAsync();

    /// <summary>The server, started (and its backtest run) on the first call.</summary>
    internal async Task<ServerProcess> ServerAsync()
    {
        await _starting.WaitAsync(Token);
        try
        {
            if (_server is null)
            {
                var server = await ServerProcess.StartAsync(Settings(new Dictionary<string, string>
                {
                    ["BASIS_DATABASE_CONNECTION"] = await Postgres.CreateDatabaseAsync(),
                    ["BASIS_DATA_DIR"] = Repository.SampleData,

                    // The live timers run, with the live side's clock inside the sample (so a paper instance's cycle has
                    // market data to trade on) and a heartbeat every two seconds (a cycle needs a recent one).
                    ["BASIS_EXECUTION_MODE"] = "live",
                    ["BASIS_LIVE_CLOCK_START"] = "2025-01-01T00:20:00Z",
                    ["BASIS_CONFIG_DIR"] = ConfigsWithFastHeartbeat(),
                }), Token);
                try
                {
                    BacktestId = await RunBacktestAsync(server, "eth_basis", "2025-01-01T00:00:00Z", "2025-04-01T00:00:00Z");
                    SecondBacktestId = await RunBacktestAsync(server, "pure_lending_usdt", "2025-01-01T00:00:00Z", "2025-03-01T00:00:00Z");
                    SweepId = await RunSweepAsync(server);
                }
                catch
                {
                    server.Dispose();
                    throw;
                }

                _server = server;
            }

            return _server;
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>
    /// A second server on two years of generated hourly data (2025-2026), with an eth_basis backtest over the first year
    /// (the benchmark's) and one over both (whose events fill more than one page).
    /// </summary>
    internal async Task<ServerProcess> OneYearAsync()
    {
        await _starting.WaitAsync(Token);
        try
        {
            if (_oneYear is null)
            {
                var data = _temp.Combine("one-year-data");
                SampleDataGenerator.Generate(data, SampleDataOptions.Default with { EndUtc = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
                var server = await ServerProcess.StartAsync(Settings(new Dictionary<string, string>
                {
                    ["BASIS_DATA_DIR"] = data,
                    ["BASIS_RESULTS_DIR"] = _temp.Combine("one-year-results"),
                }), Token);
                try
                {
                    OneYearBacktestId = await RunBacktestAsync(server, "eth_basis", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
                    TwoYearBacktestId = await RunBacktestAsync(server, "eth_basis", "2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
                }
                catch
                {
                    server.Dispose();
                    throw;
                }

                _oneYear = server;
            }

            return _oneYear;
        }
        finally
        {
            _starting.Release();
        }
    }

    internal static string Url(ServerProcess server) => server.Http.BaseAddress!.ToString().TrimEnd('/');

    public async ValueTask DisposeAsync()
    {
        _server?.Dispose();
        _oneYear?.Dispose();
        await Postgres.DisposeAsync();
        _temp.Dispose();
        _starting.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Dictionary<string, string> Settings(Dictionary<string, string> settings)
    {
        settings["BASIS_WEB_DIR"] = BrowserScenario.WebBuild;
        settings["BASIS_API_REQUIRE_KEY_FOR_READS"] = "true";
        settings.TryAdd("BASIS_RESULTS_DIR", _temp.Combine("results"));
        return settings;
    }

    /// <summary>A copy of the repository's configs whose live heartbeat beats every two seconds instead of every minute.</summary>
    private string ConfigsWithFastHeartbeat()
    {
        var configs = _temp.Combine("configs");
        Repository.CopyConfigs(configs);
        var schedules = Path.Combine(configs, "schedules", "live.yaml");
        var yaml = File.ReadAllText(schedules);
        Assert.Contains("heartbeat: \"0 * * * * *\"", yaml, StringComparison.Ordinal);
        File.WriteAllText(schedules, yaml.Replace("heartbeat: \"0 * * * * *\"", "heartbeat: \"*/2 * * * * *\"", StringComparison.Ordinal));
        return configs;
    }

    private static async Task<string> RunSweepAsync(ServerProcess server)
    {
        var id = await server.SubmitAsync("sweeps", new
        {
            strategy_name = "eth_basis",
            start_date = "2025-01-01T00:00:00Z",
            end_date = "2025-02-01T00:00:00Z",
            initial_capital = 100000,
            grid = new Dictionary<string, double[]> { ["margin_fraction"] = [0.2, 0.3], ["max_delta_drift"] = [0.01, 0.02] },
            rank_by = "sharpe",
        }, Token);
        await WaitFinishedAsync(server, "sweeps", id);
        return id;
    }

    private static async Task<string> RunBacktestAsync(ServerProcess server, string mode, string start, string end)
    {
        var id = await server.SubmitAsync("backtests", new { strategy_name = mode, start_date = start, end_date = end, initial_capital = 100000 }, Token);
        await WaitFinishedAsync(server, "backtests", id);
        return id;
    }

    private static async Task WaitFinishedAsync(ServerProcess server, string collection, string id)
    {
        var deadline = DateTime.UtcNow + PipelineHost.Patience;
        while (true)
        {
            var status = await server.GetJsonAsync($"/api/v1/{collection}/{id}", Token);
            var runtime = status.GetProperty("runtimeStatus").GetString();
            if (runtime is not ("Pending" or "Running"))
            {
                Assert.True(runtime == "Completed", $"{id}: {status}");
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{id} is still {runtime} after {PipelineHost.Patience.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes");
            await Task.Delay(250, Token);
        }
    }
}
