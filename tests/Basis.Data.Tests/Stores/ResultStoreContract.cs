using System.Text;
using System.Text.Json.Nodes;
using Basis.Data.Stores;

namespace Basis.Data.Tests.Stores;

/// <summary>What every <see cref="IResultStore"/> must do; each store's test class derives from this.</summary>
public abstract class ResultStoreContract
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A store on fresh, empty storage (the same storage on every call within one test).</summary>
    protected abstract Task<IResultStore> OpenAsync();

    /// <summary>A new store instance on the same storage, as after a restart.</summary>
    protected abstract Task<IResultStore> ReopenAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_saved_run_reads_back_and_a_save_replaces_it()
    {
        var store = await OpenAsync();
        var run = Run("bt-1", 0) with { SummaryJson = "{\"apr\": 0.12, \"run_id\": \"bt-1\"}" };
        await store.SaveRunAsync(run, Token);
        AssertSame(run, await store.GetRunAsync("bt-1", Token));

        var completed = run with { Status = RunStatus.Failed, UpdatedUtc = T0.AddHours(2), Error = "data gap in spot/binance/ETHUSDT" };
        await store.SaveRunAsync(completed, Token);
        AssertSame(completed, await store.GetRunAsync("bt-1", Token));
    }

    [Fact]
    public async Task Runs_list_newest_first_then_by_id_up_to_the_limit()
    {
        var store = await OpenAsync();
        foreach (var run in new[] { Run("a", 1), Run("c", 3), Run("b", 3), Run("d", 2) })
        {
            await store.SaveRunAsync(run, Token);
        }

        Assert.Equal(["c", "b", "d", "a"], (await store.ListRunsAsync(new RunQuery(10), Token)).Select(r => r.RunId));
        Assert.Equal(["c", "b"], (await store.ListRunsAsync(new RunQuery(2), Token)).Select(r => r.RunId));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListRunsAsync(new RunQuery(0), Token));
    }

    [Fact]
    public async Task Runs_are_filtered_by_kind_and_status_before_the_limit_applies()
    {
        var store = await OpenAsync();
        await store.SaveRunAsync(Run("bt-old", 1), Token);
        for (var i = 0; i < 3; i++)
        {
            await store.SaveRunAsync(Run($"sw-{i}", 5 + i) with { Kind = "sweep" }, Token);
        }

        await store.SaveRunAsync(Run("bt-done", 2) with { Status = RunStatus.Completed }, Token);

        // The three newest runs are sweeps: the backtests must still be found.
        Assert.Equal(["bt-done", "bt-old"], (await store.ListRunsAsync(new RunQuery(2) { Kind = "backtest" }, Token)).Select(r => r.RunId));
        Assert.Equal(["bt-old"], (await store.ListRunsAsync(new RunQuery(10) { Kind = "backtest", Statuses = [RunStatus.Pending, RunStatus.Running] }, Token)).Select(r => r.RunId));
        Assert.Equal(["sw-2"], (await store.ListRunsAsync(new RunQuery(1) { Kind = "sweep" }, Token)).Select(r => r.RunId));
    }

    [Fact]
    public async Task A_finished_record_is_never_replaced_by_a_save_unless_finished()
    {
        var store = await OpenAsync();
        Assert.True(await store.SaveRunUnlessFinishedAsync(Run("bt-1", 0), Token));
        Assert.True(await store.SaveRunUnlessFinishedAsync(Run("bt-1", 0) with { Status = RunStatus.Running }, Token));
        var terminated = Run("bt-1", 0) with { Status = RunStatus.Terminated, Error = "terminated through the API" };
        Assert.True(await store.SaveRunUnlessFinishedAsync(terminated, Token));

        // The run's activity finishing later must not turn it into Completed.
        Assert.False(await store.SaveRunUnlessFinishedAsync(Run("bt-1", 0) with { Status = RunStatus.Completed }, Token));
        AssertSame(terminated, await store.GetRunAsync("bt-1", Token));
    }

    [Fact]
    public async Task Missing_runs_and_artefacts_are_null()
    {
        var store = await OpenAsync();

        Assert.Null(await store.GetRunAsync("never", Token));
        Assert.Null(await store.GetArtefactAsync("never", "summary.json", Token));
        Assert.Empty(await store.ListRunsAsync(new RunQuery(5), Token));
    }

    [Fact]
    public async Task Artefacts_are_put_replaced_read_and_deleted_by_prefix()
    {
        var store = await OpenAsync();
        await store.PutArtefactAsync("bt-2", "summary.json", Bytes("{}"), Token);
        await store.PutArtefactAsync("bt-2", "summary.json", Bytes("{\"apr\":1}"), Token);
        await store.PutArtefactAsync("bt-2", "segments/000.bin", new byte[] { 0, 255, 1 }, Token);
        await store.PutArtefactAsync("bt-2", "segments/001.bin", Array.Empty<byte>(), Token);
        await store.PutArtefactAsync("bt-3", "segments/000.bin", new byte[] { 7 }, Token);

        Assert.Equal(Bytes("{\"apr\":1}"), await store.GetArtefactAsync("bt-2", "summary.json", Token));
        Assert.Equal(new byte[] { 0, 255, 1 }, await store.GetArtefactAsync("bt-2", "segments/000.bin", Token));
        Assert.Equal(Array.Empty<byte>(), await store.GetArtefactAsync("bt-2", "segments/001.bin", Token));

        await store.DeleteArtefactsAsync("bt-2", "segments/", Token);

        Assert.Null(await store.GetArtefactAsync("bt-2", "segments/000.bin", Token));
        Assert.Null(await store.GetArtefactAsync("bt-2", "segments/001.bin", Token));
        Assert.NotNull(await store.GetArtefactAsync("bt-2", "summary.json", Token));
        Assert.Equal(new byte[] { 7 }, await store.GetArtefactAsync("bt-3", "segments/000.bin", Token));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../escape")]
    [InlineData("/etc")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("bad:id")]
    public async Task Bad_run_ids_are_refused_naming_the_id(string runId)
    {
        var store = await OpenAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.GetRunAsync(runId, Token));
        Assert.Contains($"'{runId}'", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveRunAsync(Run(runId, 0), Token));
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutArtefactAsync(runId, "summary.json", Bytes("{}"), Token));
    }

    [Theory]
    [InlineData("../summary.json")]
    [InlineData("segments/../../x")]
    [InlineData("/abs.bin")]
    [InlineData("segments//x")]
    [InlineData("a\\b")]
    [InlineData("")]
    public async Task Bad_artefact_names_are_refused_naming_the_name(string name)
    {
        var store = await OpenAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.PutArtefactAsync("bt-4", name, Bytes("x"), Token));
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetArtefactAsync("bt-4", name, Token));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteArtefactsAsync("bt-4", "../", Token));
    }

    [Fact]
    public async Task Records_and_artefacts_survive_a_restart()
    {
        var store = await OpenAsync();
        var run = Run("bt-5", 0) with { Status = RunStatus.Completed, SummaryJson = "{\"apr\": 0.05}" };
        await store.SaveRunAsync(run, Token);
        await store.PutArtefactAsync("bt-5", "report.html", Bytes("<html></html>"), Token);

        var reopened = await ReopenAsync();

        AssertSame(run, await reopened.GetRunAsync("bt-5", Token));
        Assert.Equal(Bytes("<html></html>"), await reopened.GetArtefactAsync("bt-5", "report.html", Token));
        Assert.Equal(["bt-5"], (await reopened.ListRunsAsync(new RunQuery(10), Token)).Select(r => r.RunId));
    }

    [Fact]
    public async Task The_store_reports_healthy_and_describes_itself()
    {
        var store = await OpenAsync();

        await store.CheckHealthAsync(Token);
        Assert.False(string.IsNullOrWhiteSpace(store.Description));
        Assert.DoesNotContain("Password", store.Description, StringComparison.OrdinalIgnoreCase);
    }

    private static RunRecord Run(string id, int hours) =>
        new(id, "backtest", RunStatus.Running, "{\"strategy_name\": \"eth_basis\", \"initial_capital\": 100000}", T0.AddHours(hours), T0.AddHours(hours + 1));

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Equal, with JSON compared by meaning (PostgreSQL keeps it as jsonb).</summary>
    private static void AssertSame(RunRecord expected, RunRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { RequestJson = "", SummaryJson = null }, actual with { RequestJson = "", SummaryJson = null });
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected.RequestJson), JsonNode.Parse(actual.RequestJson)), actual.RequestJson);
        Assert.Equal(expected.SummaryJson is null, actual.SummaryJson is null);
        if (expected.SummaryJson is not null)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected.SummaryJson), JsonNode.Parse(actual.SummaryJson!)), actual.SummaryJson);
        }
    }
}
