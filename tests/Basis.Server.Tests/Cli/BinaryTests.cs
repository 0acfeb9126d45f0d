using System.Diagnostics;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Cli;

/// <summary>
/// The built <c>basis</c> binary as a user runs it: from a folder outside any checkout, with no settings, it finds the
/// configs and sample data the build put beside it; a configs folder that is named but missing is bad input naming
/// where it came from; and a failed run leaves nothing in <c>--out</c> that a later run there would trip over.
/// </summary>
public sealed class BinaryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task From_any_folder_the_binary_finds_its_configs_and_data_and_writes_results_there()
    {
        var run = await BasisAsync(_temp.Path, null, "backtest", "--mode", "eth_basis", "--start", "2025-01-01", "--end", "2025-02-01");

        Assert.True(run.ExitCode == 0, run.ToString());
        var folder = Assert.Single(Directory.GetDirectories(_temp.Combine("results")));
        Assert.True(File.Exists(Path.Combine(folder, "summary.json")));
    }

    [Fact]
    public async Task A_configs_folder_named_but_missing_is_bad_input_naming_the_setting()
    {
        var run = await BasisAsync(_temp.Path, _temp.Combine("nowhere"), "strategies");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("BASIS_CONFIG_DIR: folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_run_into_a_folder_leaves_its_failed_record_and_none_of_an_earlier_run_s_files()
    {
        // A good run, then the same request on data with a hole: the folder must not keep the first run's summary.
        var good = await BasisCli.RunAsync("backtest", "--mode", "pure_lending_eth", "--start", "2025-03-01", "--end", "2025-04-01", "--configs", Repository.Configs, "--data", Repository.SampleData, "--out", _temp.Combine("out"), "--run-id", "same");
        Assert.True(good.ExitCode == 0, good.ToString());

        var failed = await BasisCli.RunAsync("backtest", "--mode", "pure_lending_eth", "--start", "2025-03-01", "--end", "2025-04-01", "--configs", Repository.Configs, "--data", GappySample.Create(_temp.Combine("gappy")), "--out", _temp.Combine("out"), "--run-id", "same");
        Assert.Equal(2, failed.ExitCode);
        Assert.Equal(["run.json"], Directory.GetFiles(_temp.Combine("out")).Select(Path.GetFileName));
        Assert.Contains("\"status\": \"Failed\"", await File.ReadAllTextAsync(_temp.Combine("out", "run.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // ...and the next run there simply works.
        var again = await BasisCli.RunAsync("backtest", "--mode", "pure_lending_eth", "--start", "2025-03-01", "--end", "2025-04-01", "--configs", Repository.Configs, "--data", Repository.SampleData, "--out", _temp.Combine("out"), "--run-id", "same");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.True(File.Exists(_temp.Combine("out", "report.html")));
    }

    /// <summary>Runs the built basis (the copy beside the tests) in <paramref name="folder"/> with no BASIS_* settings.</summary>
    private static async Task<CliRun> BasisAsync(string folder, string? configDir, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "basis.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("BASIS_", StringComparison.Ordinal) || k == "AzureWebJobsStorage").ToList())
        {
            start.Environment.Remove(name);
        }

        if (configDir is not null)
        {
            start.Environment["BASIS_CONFIG_DIR"] = configDir;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliRun(process.ExitCode, await output, await error);
    }
}
