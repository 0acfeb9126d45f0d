using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Live;

/// <summary>
/// <c>basis live</c> against a real PostgreSQL, the database named as <c>basis serve</c> would find it: in the
/// configs folder's <c>.env.{BASIS_ENVIRONMENT}</c> (a copy of the repository's), so no process variable is touched.
/// </summary>
public sealed class LiveCommandTests(LiveServer live) : IClassFixture<LiveServer>, IDisposable
{
    private readonly TempFolder _configs = new();

    [Fact]
    public async Task Create_start_status_and_list_print_the_instance_and_a_bad_option_is_exit_2_naming_it()
    {
        await UseDatabaseAsync();

        var created = await Live("create", "--name", "cli basis", "--mode", "eth_basis", "--venue", "binance,ethereum");
        var id = System.Text.RegularExpressions.Regex.Match(created.Output, @"\((lv_[0-9a-f]{12})\)").Groups[1].Value;
        var started = await Live("start", id);
        var listed = await Live("list");
        var badVenue = await Live("create", "--name", "x", "--mode", "eth_basis", "--venue", "ftx");
        var badMode = await Live("create", "--name", "x", "--mode", "nope", "--venue", "okx");
        var unknown = await Live("status", "lv_000000000000");
        var badExecution = await Live("create", "--name", "x", "--mode", "eth_basis", "--venue", "okx", "--execution", "maybe");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains("PAPER", created.Output, StringComparison.Ordinal);
        Assert.Contains("paused", created.Output, StringComparison.Ordinal);
        Assert.Contains("100,000 USDT", created.Output, StringComparison.Ordinal);
        Assert.True(started.ExitCode == 0, started.ToString());
        Assert.Contains("active", started.Output, StringComparison.Ordinal);
        Assert.Contains(id, listed.Output, StringComparison.Ordinal);
        Assert.Equal((2, "error: --venue: 'ftx' is not a venue: use binance, bybit, okx, ethereum\n"), (badVenue.ExitCode, badVenue.Error.Replace("\r", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(2, badMode.ExitCode);
        Assert.StartsWith("error: --mode: ", badMode.Error, StringComparison.Ordinal);
        Assert.Equal((2, "error: no live instance 'lv_000000000000' (see 'basis live list')\n"), (unknown.ExitCode, unknown.Error.Replace("\r", string.Empty, StringComparison.Ordinal)));
        Assert.Equal(2, badExecution.ExitCode);
        Assert.StartsWith("error: --execution: must be paper or real (got 'maybe')", badExecution.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emergency_stop_halts_and_says_positions_are_left_and_a_halted_instance_starts_only_when_acknowledged()
    {
        await UseDatabaseAsync();
        var id = await live.CreateAsync(TestContext.Current.CancellationToken, "cli halt");

        var stopped = await Live("emergency-stop", id);
        var refused = await Live("start", id);
        var cleared = await Live("start", id, "--acknowledge-halt");
        var events = await Live("events", id, "--limit", "1");
        var badLimit = await Live("events", id, "--limit", "0");
        var steps = await Live("chain-steps", id);

        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Assert.Contains("halted", stopped.Output, StringComparison.Ordinal);
        Assert.Contains("emergency stop by the operator", stopped.Output, StringComparison.Ordinal);
        Assert.Contains("Positions: pending: the instance is halted at once", stopped.Output, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--acknowledge-halt", refused.Error, StringComparison.Ordinal);
        Assert.True(cleared.ExitCode == 0, cleared.ToString());
        Assert.Contains("More: --cursor ", events.Output, StringComparison.Ordinal);
        Assert.Equal(2, badLimit.ExitCode);
        Assert.Contains("--limit: must be a whole number from 1 to 1,000", badLimit.Error, StringComparison.Ordinal);
        Assert.True(steps.ExitCode == 0, steps.ToString());
        Assert.Contains("Step", steps.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_database_a_verb_is_exit_2_naming_the_setting()
    {
        Repository.CopyConfigs(_configs.Path);

        var run = await Live("list");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("set BASIS_DATABASE_CONNECTION", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _configs.Dispose();

    /// <summary>A copy of the configs whose environment file names the fixture's database, as a deployment's would.</summary>
    private async Task UseDatabaseAsync()
    {
        Repository.CopyConfigs(_configs.Path);
        var environment = Environment.GetEnvironmentVariable("BASIS_ENVIRONMENT") is { Length: > 0 } name ? name : "dev";
        await File.WriteAllTextAsync(_configs.Combine($".env.{environment}"), $"BASIS_DATABASE_CONNECTION={live.Connection}\n", TestContext.Current.CancellationToken);
    }

    private Task<CliRun> Live(params string[] args) => BasisCli.RunAsync(["live", .. args, "--configs", _configs.Path]);
}
