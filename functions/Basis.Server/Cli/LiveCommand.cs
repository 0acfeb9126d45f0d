using System.CommandLine;
using System.Globalization;
using Basis.Api.Hosting;
using Basis.Api.Http;
using Basis.Api.Live;
using Basis.Configuration.Binding;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Safety;
using Basis.Orchestrations.Live;
using Spectre.Console;

namespace Basis.Server.Cli;

/// <summary>
/// <c>basis live …</c>: live instances over the ledger, with the settings <c>basis serve</c> reads (the ledger is in
/// <c>BASIS_DATABASE_CONNECTION</c>'s database; limits and switches are <c>BASIS_LIVE_TRADING__*</c>), through the same
/// <see cref="LiveService"/> as <c>/api/v1/live</c>. Bad input is exit 2 naming the option; a refused change exit 1.
/// </summary>
internal static class LiveCommand
{
    /// <summary>The API's field names as this command's options, for messages.</summary>
    private static readonly Dictionary<string, string> FieldOptions = new(StringComparer.Ordinal)
    {
        ["name"] = "--name",
        ["mode"] = "--mode",
        ["venues"] = "--venue",
        ["capital"] = "--capital",
        ["limits.max_trade_size_usd"] = "--max-trade-size-usd",
        ["limits.emergency_stop_loss_pct"] = "--stop-loss-pct",
        ["limits.health_factor_floor"] = "--health-factor-floor",
        ["limits.margin_ratio_floor"] = "--margin-ratio-floor",
    };

    public static Command Create(CliOutput output)
    {
        var list = new Command("list", "Every instance with its execution, status and health.");
        var configs = Configs();
        list.Options.Add(configs);
        list.SetAction((parse, cancellationToken) => RunAsync(output, parse.GetValue(configs), async (live, _) =>
        {
            WriteList(output, await live.ListAsync(cancellationToken));
            return ExitCodes.Ok;
        }, cancellationToken));

        var acknowledge = new Option<bool>("--acknowledge-halt") { Description = "Clear a halt: a halted instance starts only with this, once its breaches are understood." };
        return new Command("live", "Live instances: create, start and stop them, and read their status, positions, performance and ledger (paper unless real is granted).")
        {
            CreateVerb(output),
            list,
            InstanceVerb(output, "status", "An instance: execution, status, health, last heartbeat and cycle, latest breaches.", Shows(output, (live, id, _, ct) => live.StatusAsync(id, ct))),
            InstanceVerb(output, "start", "Start an instance (paused → active; a halted one needs --acknowledge-halt).", Shows(output, (live, id, parse, ct) => live.StartAsync(id, parse.GetValue(acknowledge), ct)), acknowledge),
            InstanceVerb(output, "stop", "Pause an instance (active → paused); start resumes it.", Shows(output, (live, id, _, ct) => live.PauseAsync(id, ct))),
            InstanceVerb(output, "retire", "Retire an instance for good (stopped); its ledger stays.", Shows(output, (live, id, _, ct) => live.RetireAsync(id, ct))),
            InstanceVerb(output, "emergency-stop", "Halt an instance now, recording a breach; the runtime unwinds its book on its next cycle.", async (live, id, _, cancellationToken) =>
            {
                WriteInstance(output, await live.EmergencyStopAsync(id, cancellationToken) ?? throw NotFound(id));
                output.Line($"Positions: {LiveService.Unwind}");
                return ExitCodes.Ok;
            }),
            InstanceVerb(output, "positions", "Positions rebuilt from the ledger's fills, funding and transfers.", async (live, id, _, cancellationToken) =>
            {
                WritePositions(output, await live.PositionsAsync(id, cancellationToken) ?? throw NotFound(id));
                return ExitCodes.Ok;
            }),
            InstanceVerb(output, "performance", "Equity, drawdowns and P&L by source from the recorded cycles.", async (live, id, _, cancellationToken) =>
            {
                WritePerformance(output, await live.PerformanceAsync(id, cancellationToken) ?? throw NotFound(id));
                return ExitCodes.Ok;
            }),
            PageVerb(output, "orders", "The instance's orders, a page at a time.", (l, id, p, c) => l.ListOrdersAsync(id, p, c),
                ["Venue", "Client order id", "Symbol", "Side", "Type", "Quantity", "Price", "Status", "Updated"],
                o => [o.Venue, o.ClientOrderId, o.Symbol, o.Side.ToString(), o.Type.ToString(), Number(o.Quantity), o.Price is { } p ? Number(p) : "market", o.Status.ToString(), Time(o.UpdatedUtc)]),
            PageVerb(output, "fills", "The instance's fills, a page at a time.", (l, id, p, c) => l.ListFillsAsync(id, p, c),
                ["Venue", "Fill id", "Symbol", "Market", "Side", "Quantity", "Price", "Fee", "Filled"],
                f => [f.Venue, f.FillId, f.Symbol, f.Market.ToString(), f.Side.ToString(), Number(f.Quantity), Number(f.Price), $"{Number(f.Fee)} {f.FeeAsset}", Time(f.FilledUtc)]),
            PageVerb(output, "chain-steps", "The instance's on-chain steps and their transactions, a page at a time.", (l, id, p, c) => l.ListChainStepsAsync(id, p, c),
                ["Step", "Kind", "Amount", "Status", "Transaction", "Updated"],
                s => [s.StepId, s.Kind.ToString(), $"{Number(s.Amount)} {s.Asset}", s.Status.ToString(), s.TxHash ?? s.VenueRef ?? "", Time(s.UpdatedUtc)]),
            PageVerb(output, "events", "The instance's heartbeats, breaches and alerts, a page at a time.", (l, id, p, c) => l.ListEventsAsync(id, p, c),
                ["Kind", "Message", "Occurred"],
                e => [e.Kind.ToString(), e.Message, Time(e.OccurredUtc)]),
        };
    }

    private static Command CreateVerb(CliOutput output)
    {
        var name = new Option<string>("--name") { Description = "A name for people.", Required = true };
        var mode = new Option<string>("--mode") { Description = "Strategy mode or alias (see 'basis strategies').", Required = true };
        var venues = new Option<string[]>("--venue") { Description = $"A venue it trades on: {string.Join(", ", LiveService.KnownVenues)} (repeatable, or comma-separated).", Required = true };
        var capital = new Option<double?>("--capital") { Description = "Capital in share-class units (default 100000 USDT or 100 ETH)." };
        var execution = new Option<string>("--execution") { Description = "paper (live data, simulated fills) or real (needs the BASIS_LIVE_TRADING__* switches and credentials).", DefaultValueFactory = _ => "paper" };
        execution.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not ("paper" or "real") and var other)
            {
                result.AddError($"--execution: must be paper or real (got '{other}')");
            }
        });
        var maxTrade = new Option<decimal?>("--max-trade-size-usd") { Description = "This instance's cap on one trade, at most BASIS_LIVE_TRADING__MAX_TRADE_SIZE_USD." };
        var stopLoss = new Option<decimal?>("--stop-loss-pct") { Description = "This instance's emergency stop loss, at most BASIS_LIVE_TRADING__EMERGENCY_STOP_LOSS_PCT." };
        var healthFactorFloor = new Option<decimal?>("--health-factor-floor") { Description = "This instance's circuit-breaker floor on the AAVE health factor, at least BASIS_LIVE_TRADING__HEALTH_FACTOR_FLOOR." };
        var marginRatioFloor = new Option<decimal?>("--margin-ratio-floor") { Description = "This instance's circuit-breaker floor on each perp's margin ratio, at least BASIS_LIVE_TRADING__MARGIN_RATIO_FLOOR." };
        var configs = Configs();
        var command = new Command("create", "Create an instance, paused; 'basis live start' runs it.") { name, mode, venues, capital, execution, maxTrade, stopLoss, healthFactorFloor, marginRatioFloor, configs };
        command.SetAction((parse, cancellationToken) => RunAsync(output, parse.GetValue(configs), async (live, folder) =>
        {
            var request = new LiveCreateRequest(
                parse.GetRequiredValue(name),
                parse.GetRequiredValue(mode),
                (parse.GetValue(venues) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
                parse.GetValue(capital),
                Execution: parse.GetValue(execution) == "real" ? ExecutionKind.Real : ExecutionKind.Paper,
                MaxTradeSizeUsd: parse.GetValue(maxTrade),
                EmergencyStopLossPct: parse.GetValue(stopLoss),
                HealthFactorFloor: parse.GetValue(healthFactorFloor),
                MarginRatioFloor: parse.GetValue(marginRatioFloor));
            try
            {
                WriteInstance(output, await live.CreateAsync(request, BasisConfiguration.Load(folder), cancellationToken));
                return ExitCodes.Ok;
            }
            catch (LiveRequestException e)
            {
                var (field, messages) = e.Errors.First();
                throw new BadInputException($"{FieldOptions.GetValueOrDefault(field, field)}: {string.Join("; ", messages)}");
            }
            catch (LiveExecutionRefusedException e)
            {
                await output.Error.WriteLineAsync($"error: real execution is refused ({e.Reasons.Count} reason(s)); nothing was created:");
                foreach (var reason in e.Reasons)
                {
                    await output.Error.WriteLineAsync($"  {reason}");
                }

                return ExitCodes.BadInput;
            }
        }, cancellationToken));
        return command;
    }

    /// <summary>A verb on one instance (its id the argument) with the configs option and <paramref name="options"/>.</summary>
    private static Command InstanceVerb(CliOutput output, string name, string description, Func<LiveService, string, ParseResult, CancellationToken, Task<int>> act, params Option[] options)
    {
        var id = Id();
        var configs = Configs();
        var command = new Command(name, description) { id, configs };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => RunAsync(output, parse.GetValue(configs), (live, _) => act(live, parse.GetRequiredValue(id), parse, cancellationToken), cancellationToken));
        return command;
    }

    /// <summary>An action that prints the instance it returns, or says there is none.</summary>
    private static Func<LiveService, string, ParseResult, CancellationToken, Task<int>> Shows(CliOutput output, Func<LiveService, string, ParseResult, CancellationToken, Task<LiveInstanceState?>> act) =>
        async (live, id, parse, cancellationToken) =>
        {
            WriteInstance(output, await act(live, id, parse, cancellationToken) ?? throw NotFound(id));
            return ExitCodes.Ok;
        };

    private static Command PageVerb<T>(CliOutput output, string name, string description, Func<PostgresLiveLedger, string, LedgerPageRequest, CancellationToken, Task<LedgerPage<T>>> read, string[] columns, Func<T, string[]> row)
    {
        var most = LedgerPageRequest.MaxLimit.ToString("N0", CultureInfo.InvariantCulture);
        var limit = new Option<int>("--limit") { Description = $"Rows on the page: 1 to {most}.", DefaultValueFactory = _ => LiveHandlers.DefaultPageLimit };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > LedgerPageRequest.MaxLimit)
            {
                result.AddError($"--limit: must be a whole number from 1 to {most}");
            }
        });
        var cursor = new Option<long?>("--cursor") { Description = "Where the previous page ended (printed under it)." };
        return InstanceVerb(output, name, description, async (live, id, parse, cancellationToken) =>
        {
            var page = await live.PageAsync(id, (l, p, c) => read(l, id, p, c), new LedgerPageRequest(parse.GetValue(limit), parse.GetValue(cursor)), cancellationToken) ?? throw NotFound(id);
            var table = new Table();
            foreach (var column in columns)
            {
                table.AddColumn(column);
            }

            foreach (var item in page.Items)
            {
                table.AddRow(row(item).Select(Markup.Escape).ToArray());
            }

            output.Console.Write(table);
            output.Line(page.NextCursor is { } next ? $"More: --cursor {next.ToString(CultureInfo.InvariantCulture)}" : $"{page.Items.Count} row(s); no more.");
            return ExitCodes.Ok;
        }, limit, cursor);
    }

    /// <summary>Opens the ledger with the host's settings and runs <paramref name="work"/>; a refused change is exit 1 with its reason.</summary>
    private static async Task<int> RunAsync(CliOutput output, string? configsOption, Func<LiveService, string, Task<int>> work, CancellationToken cancellationToken)
    {
        var configs = CliPaths.Configs(configsOption);
        var settings = PipelineSettings.Load(configs);
        var connection = HostSettings.From(settings).MarketData.DatabaseConnection
            ?? throw new BadInputException($"live instances are kept in PostgreSQL: set {LiveBackend.Setting} (as for 'basis serve')");
        await using var ledger = new LiveLedgerSource(connection);
        using var chain = new EnvironmentChain(Environment.GetEnvironmentVariable, configs);
        var live = await new LiveBackend(ledger, LiveTradingSettings.From(settings.Layers), TimeProvider.System, chain).OpenAsync(cancellationToken);
        try
        {
            return await work(live, configs);
        }
        catch (LiveConflictException e)
        {
            await output.Error.WriteLineAsync($"refused: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static void WriteInstance(CliOutput output, LiveInstanceState state)
    {
        var i = state.Instance;
        var unit = i.ShareClass.ToUpperInvariant();
        var table = new Table().Title($"[bold]{Markup.Escape(i.Name)}[/] ({Markup.Escape(i.Id)})").AddColumn("Field").AddColumn("Value");
        table.AddRow("Execution", i.ExecutionKind == ExecutionKind.Real ? "[bold red]REAL[/] (orders go to the venues)" : "[bold]PAPER[/] (live data, simulated fills)");
        table.AddRow("Status", LiveService.Name(i.Status));
        table.AddRow("Health", Markup.Escape($"{state.Health.ToString().ToLowerInvariant()}: {state.HealthReason}"));
        table.AddRow("Mode", Markup.Escape(i.Mode));
        table.AddRow("Capital", $"{Number(i.Capital)} {unit}");
        table.AddRow("Venues", Markup.Escape(string.Join(", ", i.Venues)));
        table.AddRow("Limits", Markup.Escape(i.LimitsJson == "{}" ? "the host's (BASIS_LIVE_TRADING__*)" : i.LimitsJson));
        table.AddRow("Last heartbeat", state.LastHeartbeatUtc is { } beat ? Time(beat) : "none");
        table.AddRow("Last cycle", state.LastCycleUtc is { } cycle ? Time(cycle) : "none yet");
        table.AddRow("Created", Time(i.CreatedUtc));
        output.Console.Write(table);
        if (state.Breaches.Count > 0)
        {
            var breaches = new Table().Title("Latest breaches").AddColumn("Occurred").AddColumn("Message");
            foreach (var breach in state.Breaches)
            {
                breaches.AddRow(Time(breach.OccurredUtc), Markup.Escape(breach.Message));
            }

            output.Console.Write(breaches);
        }
    }

    private static void WriteList(CliOutput output, IReadOnlyList<LiveInstanceState> states)
    {
        if (states.Count == 0)
        {
            output.Line("No live instances: create one with 'basis live create'.");
            return;
        }

        var table = new Table().AddColumn("Id").AddColumn("Name").AddColumn("Mode").AddColumn("Execution").AddColumn("Status").AddColumn("Health").AddColumn("Last heartbeat");
        foreach (var state in states)
        {
            var i = state.Instance;
            table.AddRow(
                Markup.Escape(i.Id), Markup.Escape(i.Name), Markup.Escape(i.Mode),
                i.ExecutionKind == ExecutionKind.Real ? "[bold red]REAL[/]" : "PAPER",
                LiveService.Name(i.Status), state.Health.ToString().ToLowerInvariant(), state.LastHeartbeatUtc is { } beat ? Time(beat) : "none");
        }

        output.Console.Write(table);
    }

    private static void WritePositions(CliOutput output, LedgerPositions positions)
    {
        if (positions.Perps.Count == 0 && positions.Balances.Count == 0)
        {
            output.Line("No positions: the ledger has no fills, funding or transfers for this instance.");
            return;
        }

        var perps = new Table().Title("Perpetuals").AddColumn("Venue").AddColumn("Symbol").AddColumn(new TableColumn("Size").RightAligned())
            .AddColumn(new TableColumn("Entry").RightAligned()).AddColumn(new TableColumn("Realised P&L").RightAligned()).AddColumn(new TableColumn("Funding").RightAligned());
        foreach (var p in positions.Perps)
        {
            perps.AddRow(Markup.Escape(p.Venue), Markup.Escape(p.Symbol), Number(p.Size), Number(p.AverageEntryPrice), Number(p.RealisedPnl), Number(p.Funding));
        }

        var balances = new Table().Title("Balances").AddColumn("Location").AddColumn("Asset").AddColumn(new TableColumn("Amount").RightAligned());
        foreach (var b in positions.Balances)
        {
            balances.AddRow(Markup.Escape(b.Location), Markup.Escape(b.Asset), Number(b.Amount));
        }

        output.Console.Write(perps);
        output.Console.Write(balances);
    }

    private static void WritePerformance(CliOutput output, LivePerformance performance)
    {
        if (performance.Series.Count == 0)
        {
            output.Line("No cycles recorded yet: performance starts with the instance's first cycle.");
            return;
        }

        var unit = performance.ShareClass.ToUpperInvariant();
        var figures = new Table().Title($"{performance.Series.Count} cycle(s), {Time(performance.Series[0].CycleUtc)} → {Time(performance.Series[^1].CycleUtc)}")
            .AddColumn("Figure").AddColumn(new TableColumn("Value").RightAligned());
        figures.AddRow("Start equity", $"{Number(performance.StartEquity!.Value)} {unit}");
        figures.AddRow("End equity", $"{Number(performance.EndEquity!.Value)} {unit}");
        figures.AddRow("Max drawdown", performance.MaxDrawdown.ToString("P2", CultureInfo.InvariantCulture));
        figures.AddRow("Current drawdown", performance.CurrentDrawdown.ToString("P2", CultureInfo.InvariantCulture));
        output.Console.Write(figures);
        var sources = new Table().Title("P&L by source, since the start").AddColumn("Source").AddColumn(new TableColumn(unit).RightAligned());
        foreach (var (source, amount) in performance.PnlBySource)
        {
            sources.AddRow(Markup.Escape(source), Number(amount));
        }

        output.Console.Write(sources);
    }

    private static Argument<string> Id() => new("id") { Description = "The instance's id (see 'basis live list')." };

    private static Option<string?> Configs() => new("--configs") { Description = "Configuration folder (default: ./configs)." };

    private static BadInputException NotFound(string id) => new($"no live instance '{id}' (see 'basis live list')");

    private static string Number(decimal value) => value.ToString("#,0.########", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset utc) => utc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
