using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Sweeps;

namespace Basis.Server.Http;

/// <summary>
/// The request bodies of the backtest and sweep endpoints, in the original API's field names
/// (<c>strategy_name, start_date, end_date, initial_capital, share_class, config_overrides</c>), checked against the
/// configuration before anything is started: bad input is a 400 naming the field, never a failed run or a 500.
/// </summary>
internal static class ApiRequests
{
    /// <summary>Reads and checks a backtest request; on success <paramref name="errors"/> is empty.</summary>
    public static BacktestRequest? ReadBacktest(string json, BacktestWorkspace workspace, out Dictionary<string, List<string>> errors)
    {
        var body = RequestBody.Parse(json);
        errors = body.Errors;
        if (!body.IsObject)
        {
            return null;
        }

        var request = ReadBase(body, required: true);
        body.RejectUnknown();
        return errors.Count == 0 ? Check(request!, body, workspace) : null;
    }

    /// <summary>Reads and checks a sweep: the base request's fields plus <c>grid</c>, <c>modes</c>, <c>periods</c>, <c>rank_by</c>, <c>ascending</c>.</summary>
    public static SweepRequest? ReadSweep(string json, BacktestWorkspace workspace, out Dictionary<string, List<string>> errors)
    {
        var body = RequestBody.Parse(json);
        errors = body.Errors;
        if (!body.IsObject)
        {
            return null;
        }

        var grid = body.SettingValues("grid");
        var modes = body.Strings("modes");
        var periods = body.Objects("periods", p =>
        {
            var start = p.Time("start_date", required: true);
            var end = p.Time("end_date", required: true);
            return start is { } s && end is { } e ? new SweepPeriod(s, e) : null;
        });
        var rankBy = body.String("rank_by") ?? "sharpe";
        var ascending = body.Boolean("ascending") ?? false;

        // Modes and periods may replace the base's, so the base's strategy and dates are only needed without them.
        var baseRequest = ReadBase(body, required: false);
        if (modes is not { Count: > 0 } && baseRequest?.Mode is not { Length: > 0 })
        {
            body.AddError("strategy_name", "is required (or give modes)");
        }

        if (periods is not { Count: > 0 } && (baseRequest?.StartUtc == default || baseRequest?.EndUtc == default))
        {
            body.AddError("start_date", "start_date and end_date are required (or give periods)");
        }

        body.RejectUnknown();
        if (errors.Count > 0)
        {
            return null;
        }

        var sweep = new SweepRequest(baseRequest!, grid, modes, periods, rankBy, ascending);
        try
        {
            var cases = SweepGrid.Expand("check", sweep);
            foreach (var run in cases)
            {
                if (Check(run.Request, body, workspace) is null)
                {
                    // Name the run at fault: which grid point made the request invalid.
                    body.AddError("grid", $"the run {string.Join(", ", run.Parameters.Select(p => $"{p.Key}={p.Value}"))} is invalid");
                    return null;
                }
            }
        }
        catch (BacktestRequestException e)
        {
            body.AddError(e.Field, e.Message);
            return null;
        }

        return sweep;
    }

    private static BacktestRequest? ReadBase(RequestBody body, bool required)
    {
        var mode = body.String("strategy_name", required);
        var start = body.Time("start_date", required);
        var end = body.Time("end_date", required);
        var capital = body.Number("initial_capital");
        body.String("share_class");
        var overrides = body.Settings("config_overrides");
        var flows = body.Objects("capital_flows", f =>
        {
            var time = f.Time("time", required: true);
            var amount = f.Number("amount");
            if (amount is null)
            {
                f.AddError("amount", "is required");
            }

            return time is { } t && amount is { } a ? new CapitalFlow(t, a) : null;
        });
        var stress = body.Strings("stress");
        return new BacktestRequest(mode ?? string.Empty, start ?? default, end ?? default, capital, overrides, flows, stress);
    }

    /// <summary>Resolves the request as a run would; adds the field at fault to the body's errors when it cannot run.</summary>
    private static BacktestRequest? Check(BacktestRequest request, RequestBody body, BacktestWorkspace workspace)
    {
        try
        {
            var prepared = workspace.Prepare("check", request);
            var shareClass = body.String("share_class");
            if (shareClass is not null && !string.Equals(shareClass, prepared.Resolved.Settings.ShareClass.Name(), StringComparison.OrdinalIgnoreCase))
            {
                body.AddError("share_class", $"{prepared.Resolved.Mode.Name} reports in {prepared.Resolved.Settings.ShareClass.Name()}, not {shareClass}");
                return null;
            }

            return request;
        }
        catch (BacktestRequestException e)
        {
            body.AddError(e.Field, e.Message);
            return null;
        }
    }
}
