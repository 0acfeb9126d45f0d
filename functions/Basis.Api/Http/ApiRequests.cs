using Basis.Core.Simulation;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Sweeps;

namespace Basis.Api.Http;

/// <summary>
/// The request bodies of the backtest and sweep endpoints, in the original API's field names
/// (<c>strategy_name, start_date, end_date, initial_capital, share_class, config_overrides</c>): their shape. Whether
/// the request can run (a known mode, valid overrides, dates the data covers…) is the application layer's check.
/// </summary>
public static class ApiRequests
{
    /// <summary>The ranking a sweep uses when the request names none.</summary>
    public const string DefaultRankBy = "sharpe";

    /// <summary>Reads a backtest request; on success <paramref name="errors"/> is empty.</summary>
    public static BacktestRequest? ReadBacktest(ReadOnlyMemory<byte> json, out Dictionary<string, List<string>> errors)
    {
        var body = RequestBody.Parse(json);
        errors = body.Errors;
        if (!body.IsObject)
        {
            return null;
        }

        var request = ReadBase(body, required: true);
        body.RejectUnknown();
        return errors.Count == 0 ? request : null;
    }

    /// <summary>Reads a sweep: the base request's fields plus <c>grid</c>, <c>modes</c>, <c>periods</c>, <c>rank_by</c>, <c>ascending</c>.</summary>
    public static SweepRequest? ReadSweep(ReadOnlyMemory<byte> json, out Dictionary<string, List<string>> errors)
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
        var rankBy = body.String("rank_by") ?? DefaultRankBy;
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
        return errors.Count == 0 ? new SweepRequest(baseRequest!, grid, modes, periods, rankBy, ascending) : null;
    }

    private static BacktestRequest? ReadBase(RequestBody body, bool required)
    {
        var mode = body.String("strategy_name", required);
        var start = body.Time("start_date", required);
        var end = body.Time("end_date", required);
        var capital = body.Number("initial_capital");
        var shareClass = body.String("share_class");
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
        return new BacktestRequest(mode ?? string.Empty, start ?? default, end ?? default, capital, overrides, flows, stress, ShareClass: shareClass);
    }
}
