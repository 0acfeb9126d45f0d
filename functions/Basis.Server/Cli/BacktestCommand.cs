using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Basis.Configuration.Binding;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Stress;
using Basis.Core.Time;
using Basis.Data.Results;
using Basis.Data.Stores;
using Basis.Api.Hosting;
using Basis.Api.Runs;
using Basis.Orchestrations;
using Basis.Orchestrations.Backtests;
using Basis.Server.Hosting;

namespace Basis.Server.Cli;

/// <summary><c>basis backtest</c>: run one mode over a period of canonical data and write its results folder.</summary>
internal static class BacktestCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>The API's field names as this command's flags, for messages.</summary>
    private static readonly Dictionary<string, string> FieldFlags = new(StringComparer.Ordinal)
    {
        ["start_date"] = "--start",
        ["end_date"] = "--end",
        ["initial_capital"] = "--capital",
        ["stress"] = "--stress",
        ["capital_flows"] = "capital_flows",
    };

    /// <summary>Errors that mean the input cannot run (exit 2), as opposed to a run that broke (exit 1).</summary>
    private static readonly Type[] BadInputErrors =
    [
        typeof(MarketDataCoverageException), typeof(MissingPriceException), typeof(StrategySetupException),
        typeof(StressScenarioException), typeof(BacktestRequestException),
    ];

    public static Command Create(CliOutput output)
    {
        var mode = new Option<string>("--mode") { Description = "Strategy mode or alias (see 'basis strategies').", Required = true };
        var start = new Option<string>("--start") { Description = "First hour, UTC (2025-01-01 or 2025-01-01T06:00Z).", Required = true };
        var end = new Option<string>("--end") { Description = "End hour, UTC, exclusive.", Required = true };
        var capital = new Option<double?>("--capital") { Description = "Initial capital in share-class units (default 100000 USDT or 100 ETH)." };
        var data = new Option<string?>("--data") { Description = "Market data folder (default: BASIS_DATA_DIR or ./data)." };
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
        var configs = CliPaths.Configs(request.Configs);

        // The command line runs its own embedded engine, whatever back end the settings name.
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal) { ["BASIS_ORCHESTRATION_BACKEND"] = "embedded" };
        if (request.Data is { } data)
        {
            overrides["BASIS_DATA_MODE"] = "csv";
            overrides["BASIS_DATA_DIR"] = CliPaths.ExistingFolder(data, "--data");
        }

        var settings = PipelineSettings.Load(configs, overrides);
        var shocks = request.Stress.Select(StressBinding.Parse).Concat(request.Scenario is { } file ? StressBinding.LoadScenario(file) : []).ToList();
        var backtest = new BacktestRequest(
            request.Mode,
            startUtc,
            endUtc,
            request.Capital,
            request.Overrides,
            FlowsFile(request.Flows, startUtc, endUtc),
            shocks.Select(s => s.ToArgument()).ToList());

        await using var opened = await PipelineComponents.OpenAsync(settings, CliPaths.Data(null), CliPaths.ResultsRoot(), cancellationToken: cancellationToken).ConfigureAwait(false);

        // Checked before the engine starts: bad input is exit 2 naming the flag, never a failed run.
        var prepared = await PrepareAsync(new BacktestWorkspace(opened.Configuration, opened.Data, opened.Results, new MemoryResultStore()), backtest, cancellationToken).ConfigureAwait(false);
        var runId = request.RunId ?? DefaultRunId(prepared);
        if (runId.Length == 0 || runId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || runId is "." or "..")
        {
            throw new BadInputException($"--run-id: '{runId}' cannot be a folder name");
        }

        var components = request.Out is { } folder ? opened.WithResults(FolderResultStore.ForSingleRun(runId, folder)) : opened;

        // A run's files from an earlier run into the same folder go first: a run that fails must not leave the last
        // success's summary beside its own failed record. Only result files: --out may be a folder of other things.
        foreach (var stale in (string[])[ResultFiles.Summary, ResultFiles.Pack, .. ResultFiles.Rendered])
        {
            await components.Results.DeleteArtefactsAsync(runId, stale, cancellationToken).ConfigureAwait(false);
        }
        var spec = prepared.Spec;
        var unit = spec.Mode.ShareClass.Name();
        output.Line($"{prepared.Resolved.Mode.Name} ({unit}) {CliTime.Format(startUtc)} → {CliTime.Format(endUtc)}, {prepared.Grid.Hours:N0} hours, capital {spec.InitialCapital.ToString("N0", CultureInfo.InvariantCulture)} {unit}{(request.Capital is null ? " (default)" : string.Empty)}");
        foreach (var line in spec.Scenario ?? [])
        {
            output.Line($"Stress: {line}");
        }

        if (spec.Flows is { Count: > 0 } flows)
        {
            output.Line($"Capital flows: {flows.Count} ({flows.Sum(f => f.Amount).ToString("N2", CultureInfo.InvariantCulture)} {unit} net)");
        }

        var progress = new PhaseProgress(output);
        await using var engine = await progress.RunAsync("Starting the embedded engine", () => EmbeddedEngine.StartAsync(components, cancellationToken)).ConfigureAwait(false);
        var runs = engine.Runs;
        try
        {
            await runs.StartBacktestAsync(backtest, runId, cancellationToken).ConfigureAwait(false);
        }
        catch (BacktestRequestException e)
        {
            throw BadInput(e);
        }
        var finished = await progress.RunAsync($"Backtest {runId}", () => FollowAsync(output, runs, runId, cancellationToken)).ConfigureAwait(false);
        if (finished.Status != RunStatus.Completed)
        {
            throw await RunFailureAsync(engine, finished, cancellationToken).ConfigureAwait(false);
        }

        // The run kept its result as a pack; a results folder is for people, so its files are rendered now.
        _ = await runs.ArtefactAsync(runId, ResultFiles.Report, cancellationToken).ConfigureAwait(false);
        var summaryBytes = await components.Results.GetArtefactAsync(runId, ResultFiles.Summary, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The run completed but {components.Results.Description} has no {ResultFiles.Summary} for {runId}.");
        SummaryTable.Write(output, ResultJson.ReadSummary(summaryBytes));
        output.Line(components.Results is FolderResultStore store ? $"Results: {store.FolderOf(runId)}" : $"Results: {components.Results.Description}, run {runId}");
        return ExitCodes.Ok;
    }

    /// <summary>Polls the run, printing each phase as it starts, until it finishes.</summary>
    private static async Task<RunView> FollowAsync(CliOutput output, RunService runs, string runId, CancellationToken cancellationToken)
    {
        string? shown = null;
        while (true)
        {
            var run = await runs.GetAsync(RunKind.Backtest, runId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The engine lost the run {runId}.");
            if (run.Status.IsFinished())
            {
                return run;
            }

            if (run.CustomStatusJson is { } json && JsonSerializer.Deserialize<BacktestStatus>(json, DurableConventions.PayloadJson) is { } status)
            {
                var line = status.Phase == "simulating"
                    ? $"  simulating {CliTime.Format(DateTime.Parse(status.From, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal))} → {CliTime.Format(DateTime.Parse(status.To, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal))}{(status.Segments > 1 ? $" ({status.Segment}/{status.Segments})" : string.Empty)}"
                    : $"  {status.Phase}";
                if (line != shown)
                {
                    output.Line(line);
                    shown = line;
                }
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Resolves the request and checks the data covers it; a request field at fault becomes bad input naming the command-line flag.</summary>
    private static async Task<PreparedBacktest> PrepareAsync(BacktestWorkspace workspace, BacktestRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var prepared = workspace.Prepare("check", request);
            await workspace.CheckCoverageAsync(prepared, cancellationToken).ConfigureAwait(false);
            return prepared;
        }
        catch (BacktestRequestException e)
        {
            throw BadInput(e);
        }
    }

    /// <summary>A request field at fault, as the command line says it: the field named by its flag.</summary>
    private static BadInputException BadInput(BacktestRequestException e)
    {
        var message = FieldFlags.Aggregate(e.Message, (text, field) => text.Replace(field.Key, field.Value, StringComparison.Ordinal));
        return new BadInputException(e.Field is "config_overrides" or "strategy_name" ? message : $"{FieldFlags.GetValueOrDefault(e.Field, e.Field)}: {message}");
    }

    /// <summary>
    /// A failed run as the command line reports it: bad input (data that does not cover the period, a strategy
    /// that cannot be set up) is exit 2, anything else exit 1, both with the activity's own message.
    /// </summary>
    private static async Task<Exception> RunFailureAsync(EmbeddedEngine engine, RunView run, CancellationToken cancellationToken)
    {
        var failure = (await engine.Client.GetInstanceAsync(run.Id, cancellationToken).ConfigureAwait(false))?.FailureDetails?.Innermost();

        var message = run.Error ?? $"the run ended {run.Status}";
        return failure is not null && BadInputErrors.Any(failure.IsCausedBy)
            ? new BadInputException(message)
            : new InvalidOperationException(message);
    }

    /// <summary>The <c>--flows</c> file, each flow checked to fall on an hour inside the run (naming its line).</summary>
    private static List<CapitalFlow> FlowsFile(string? file, DateTime startUtc, DateTime endUtc)
    {
        var flows = file is null ? [] : CapitalFlowsFile.Load(file);
        foreach (var (flow, source) in flows)
        {
            if (flow.TimeUtc <= startUtc || flow.TimeUtc >= endUtc || !HourGrid.IsWholeUtcHour(flow.TimeUtc))
            {
                throw new BadInputException($"--flows {source}: {CliTime.Format(flow.TimeUtc)} must be a whole hour after --start and before --end ({CliTime.Format(startUtc)} → {CliTime.Format(endUtc)})");
            }
        }

        return flows.Select(f => f.Flow).ToList();
    }

    /// <summary>
    /// A run id that identifies the inputs: the same mode, configuration, period, capital and data give the same
    /// id, so rerunning a request replaces its own folder instead of piling up copies.
    /// </summary>
    private static string DefaultRunId(PreparedBacktest prepared)
    {
        var spec = prepared.Spec;
        var inputs = string.Join('|', [
            spec.ConfigHash, CliTime.Format(spec.StartUtc), CliTime.Format(spec.EndUtc), spec.InitialCapital.ToString("R", CultureInfo.InvariantCulture), spec.DataSource,
            .. (spec.Flows ?? []).Select(f => $"{CliTime.Format(f.TimeUtc)}:{f.Amount.ToString("R", CultureInfo.InvariantCulture)}"),
            .. spec.Scenario ?? []]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputs)))[..8];
        return $"{prepared.Resolved.Mode.Name}_{spec.StartUtc:yyyyMMdd}_{spec.EndUtc:yyyyMMdd}_{hash}";
    }

    private sealed record Request(string Mode, string Start, string End, double? Capital, string? Data, string? Out, string[] Overrides, string? Configs, string? RunId, string? Flows, string[] Stress, string? Scenario);
}
