using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Basis.Configuration.Binding;
using Basis.Core.Market;
using Basis.Core.Results;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Stress;
using Basis.Core.Time;
using Basis.Data.Results;

namespace Basis.Functions.Cli;

/// <summary><c>basis backtest</c>: run one mode over a period of canonical data and write its results folder.</summary>
internal static class BacktestCommand
{
    public static Command Create(CliOutput output)
    {
        var mode = new Option<string>("--mode") { Description = "Strategy mode or alias (see 'basis strategies').", Required = true };
        var start = new Option<string>("--start") { Description = "First hour, UTC (2025-01-01 or 2025-01-01T06:00Z).", Required = true };
        var end = new Option<string>("--end") { Description = "End hour, UTC, exclusive.", Required = true };
        var capital = new Option<double?>("--capital") { Description = "Initial capital in share-class units (default 100000 USDT or 100 ETH)." };
        var data = new Option<string?>("--data") { Description = "Market data folder (default: BASIS_DATA_MODE's source; for csv BASIS_DATA_DIR or ./data)." };
        var outDir = new Option<string?>("--out") { Description = "Results folder (default: results/<run-id>)." };
        var set = new Option<string[]>("--set") { Description = "Override a mode setting: dotted.key=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var configs = new Option<string?>("--configs") { Description = "Configuration folder (default: ./configs)." };
        var runId = new Option<string?>("--run-id") { Description = "Run identifier (default: derived from the inputs, so a rerun replaces its folder)." };
        var flows = new Option<string?>("--flows") { Description = "CSV of deposits and withdrawals: header time,amount (share-class units; negative withdraws)." };
        var stress = new Option<string[]>("--stress") { Description = "Shock the data, e.g. lst_depeg=0.05,at=2025-02-01,hours=24 (repeatable; see docs/stress.md)." };
        var scenario = new Option<string?>("--scenario") { Description = "YAML file of shocks (shocks: [...])." };

        var command = new Command("backtest", "Run a strategy mode over historical data and write summary.json, timeseries.csv, events.jsonl and report.html.")
        {
            mode, start, end, capital, data, outDir, set, configs, runId, flows, stress, scenario,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            output,
            new Request(
                parse.GetRequiredValue(mode),
                parse.GetRequiredValue(start),
                parse.GetRequiredValue(end),
                parse.GetValue(capital),
                parse.GetValue(data),
                parse.GetValue(outDir),
                parse.GetValue(set) ?? [],
                parse.GetValue(configs),
                parse.GetValue(runId),
                parse.GetValue(flows),
                parse.GetValue(stress) ?? [],
                parse.GetValue(scenario)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliOutput output, Request request, CancellationToken cancellationToken)
    {
        var startUtc = CliTime.ParseHour(request.Start, "--start");
        var endUtc = CliTime.ParseHour(request.End, "--end");
        if (endUtc <= startUtc)
        {
            throw new BadInputException($"--end ({CliTime.Format(endUtc)}) must be after --start ({CliTime.Format(startUtc)})");
        }

        var configuration = BasisConfiguration.Load(CliPaths.Configs(request.Configs));
        var resolved = configuration.ResolveMode(request.Mode, request.Overrides);
        var capital = request.Capital ?? DefaultCapital(resolved.Settings.ShareClass);
        if (!(capital > 0) || !double.IsFinite(capital))
        {
            throw new BadInputException($"--capital must be a positive amount of {resolved.Settings.ShareClass.Name()} (got {capital.ToString(CultureInfo.InvariantCulture)})");
        }

        var shocks = request.Stress.Select(StressBinding.Parse).Concat(request.Scenario is { } file ? StressBinding.LoadScenario(file) : []).ToList();
        var flows = CollectFlows(resolved, request.Flows, startUtc, endUtc);
        var source = await CliMarketData.OpenAsync(request.Data, cancellationToken).ConfigureAwait(false);
        var strategy = StrategyCatalog.Create(resolved.Settings);
        var scenario = shocks.Select(s => s.Describe()).ToList();
        var runId = request.RunId ?? DefaultRunId(resolved, startUtc, endUtc, capital, source.Description, flows, scenario);
        if (runId.Length == 0 || runId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || runId is "." or "..")
        {
            throw new BadInputException($"--run-id: '{runId}' cannot be a folder name");
        }

        var folder = request.Out ?? Path.Combine(CliPaths.ResultsRoot(), runId);
        var spec = new BacktestSpec(runId, resolved.Settings, resolved.Venues, startUtc, endUtc, capital, resolved.ConfigHash, source.Description, flows, scenario);
        var grid = new HourGrid(startUtc, endUtc);

        output.Line($"{resolved.Mode.Name} ({resolved.Settings.ShareClass.Name()}) {CliTime.Format(startUtc)} → {CliTime.Format(endUtc)}, {grid.Hours:N0} hours, capital {capital.ToString("N0", CultureInfo.InvariantCulture)} {resolved.Settings.ShareClass.Name()}{(request.Capital is null ? " (default)" : string.Empty)}");
        foreach (var line in scenario)
        {
            output.Line($"Stress: {line}");
        }

        if (flows.Count > 0)
        {
            output.Line($"Capital flows: {flows.Count} ({flows.Sum(f => f.Amount).ToString("N2", CultureInfo.InvariantCulture)} {resolved.Settings.ShareClass.Name()} net)");
        }

        var result = await RunWithProgressAsync(output, grid, DataPlan.Requests(resolved.Settings, strategy), source, shocks, spec, strategy, cancellationToken).ConfigureAwait(false);
        ResultWriter.Write(folder, result);
        SummaryTable.Write(output, result.Summary);
        output.Line($"Results: {Path.GetFullPath(folder)}");
        return ExitCodes.Ok;
    }

    private static async Task<BacktestResult> RunWithProgressAsync(CliOutput output, HourGrid grid, IReadOnlyList<SeriesRequest> requests, IMarketDataSource source, IReadOnlyList<MarketShock> shocks, BacktestSpec spec, IStrategy strategy, CancellationToken cancellationToken)
    {
        var progress = new PhaseProgress(output);
        var market = await progress.RunAsync($"Loading {requests.Count} series", () => MarketDataBuilder.BuildAsync(grid, requests, source, cancellationToken)).ConfigureAwait(false);
        market = StressScenario.Apply(market, shocks);
        return await progress.RunAsync($"Simulating {grid.Hours:N0} hours", () => Task.FromResult(BacktestEngine.Run(spec, strategy, market))).ConfigureAwait(false);
    }

    /// <summary>The mode's <c>capital_flows</c> and the <c>--flows</c> file, checked to fall on hours inside the run.</summary>
    private static List<CapitalFlow> CollectFlows(ResolvedMode resolved, string? file, DateTime startUtc, DateTime endUtc)
    {
        var flows = (resolved.Settings.CapitalFlows ?? []).Select((f, i) => (Flow: f, Where: $"capital_flows[{i}] of mode {resolved.Mode.Name}"))
            .Concat(file is null ? [] : CapitalFlowsFile.Load(file).Select(f => (f.Flow, Where: $"--flows {f.Source}")))
            .ToList();
        foreach (var (flow, where) in flows)
        {
            if (flow.TimeUtc <= startUtc || flow.TimeUtc >= endUtc || !HourGrid.IsWholeUtcHour(flow.TimeUtc))
            {
                throw new BadInputException($"{where}: {CliTime.Format(flow.TimeUtc)} must be a whole hour after --start and before --end ({CliTime.Format(startUtc)} → {CliTime.Format(endUtc)})");
            }
        }

        return flows.Select(f => f.Flow).OrderBy(f => f.TimeUtc).ToList();
    }

    private static double DefaultCapital(ShareClass shareClass) => shareClass == ShareClass.Usdt ? 100_000 : 100;

    /// <summary>
    /// A run id that identifies the inputs: the same mode, configuration, period, capital and data give the same
    /// id, so rerunning a request replaces its own folder instead of piling up copies.
    /// </summary>
    private static string DefaultRunId(ResolvedMode resolved, DateTime startUtc, DateTime endUtc, double capital, string dataSource, IEnumerable<CapitalFlow> flows, IEnumerable<string> scenario)
    {
        var inputs = string.Join('|', [
            resolved.ConfigHash, CliTime.Format(startUtc), CliTime.Format(endUtc), capital.ToString("R", CultureInfo.InvariantCulture), dataSource,
            .. flows.Select(f => $"{CliTime.Format(f.TimeUtc)}:{f.Amount.ToString("R", CultureInfo.InvariantCulture)}"),
            .. scenario]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputs)))[..8];
        return $"{resolved.Mode.Name}_{startUtc:yyyyMMdd}_{endUtc:yyyyMMdd}_{hash}";
    }

    private sealed record Request(string Mode, string Start, string End, double? Capital, string? Data, string? Out, string[] Overrides, string? Configs, string? RunId, string? Flows, string[] Stress, string? Scenario);
}
