using System.Globalization;
using Basis.Core.Time;
using Basis.Orchestrations.Backtests;

namespace Basis.Orchestrations.Sweeps;

/// <summary>Expands a sweep into its runs, in a fixed order (modes, then periods, then the grid's settings in key order).</summary>
public static class SweepGrid
{
    /// <summary>The most runs one sweep may ask for.</summary>
    public const int MaxRuns = 10_000;

    /// <summary>The number of runs of <paramref name="sweep"/>; throws <see cref="BacktestRequestException"/> for an empty or oversized grid.</summary>
    public static int Count(SweepRequest sweep) => Axes.Of(sweep).Count;

    /// <summary>
    /// The runs <c>[from, from + count)</c> of <paramref name="sweep"/> (all of them by default), each built from its
    /// index alone, so a batch costs what it holds whatever the grid's size; throws
    /// <see cref="BacktestRequestException"/> for an empty or oversized grid.
    /// </summary>
    public static IReadOnlyList<SweepCase> Expand(string sweepId, SweepRequest sweep, int from = 0, int count = MaxRuns)
    {
        var axes = Axes.Of(sweep);
        var to = (int)Math.Min(axes.Count, (long)from + count);
        var cases = new List<SweepCase>(Math.Max(0, to - from));
        for (var index = Math.Max(0, from); index < to; index++)
        {
            cases.Add(axes.Case(sweepId, sweep, index));
        }

        return cases;
    }

    /// <summary>
    /// Expands the sweep and checks every run as a backtest is checked (resolved against the configuration, its period
    /// against the data's coverage), and the figure it ranks by, so a sweep that cannot run is refused before it
    /// starts; throws <see cref="BacktestRequestException"/> naming the field and the grid point at fault.
    /// </summary>
    public static async Task<IReadOnlyList<SweepCase>> PrepareAsync(BacktestWorkspace workspace, string sweepId, SweepRequest sweep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(sweep);
        if (!BacktestOutcome.FigureNames.Contains(sweep.RankBy))
        {
            throw new BacktestRequestException("rank_by", $"'{sweep.RankBy}' is not a figure of summary.json; rank by one of {string.Join(", ", BacktestOutcome.FigureNames.Order(StringComparer.Ordinal))}");
        }

        var cases = Expand(sweepId, sweep);
        var coverageChecked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in cases)
        {
            try
            {
                var prepared = workspace.Prepare(run.RunId, run.Request);

                // Runs that read the same series over the same period have the same coverage: checked once.
                var reads = string.Join('|', prepared.Series.SelectMany(s => s.Sources).Select(s => s.Value).Order(StringComparer.Ordinal));
                if (coverageChecked.Add($"{prepared.Resolved.Mode.Name}|{run.Request.StartUtc:O}|{run.Request.EndUtc:O}|{reads}"))
                {
                    await workspace.CheckCoverageAsync(prepared, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (BacktestRequestException e)
            {
                var point = string.Join(", ", run.Parameters.Select(p => $"{p.Key}={p.Value}"));
                throw new BacktestRequestException(sweep.Grid is { Count: > 0 } && e.Field == "config_overrides" ? "grid" : e.Field, $"{e.Message} (in the run {point})");
            }
        }

        return cases;
    }

    /// <summary>The id of a sweep's run <paramref name="index"/>: the sweep's id, a dash and five digits.</summary>
    public static string RunId(string sweepId, int index) => string.Create(CultureInfo.InvariantCulture, $"{RunIdPrefix(sweepId)}{index:D5}");

    /// <summary>What every run id of the sweep starts with.</summary>
    public static string RunIdPrefix(string sweepId) => sweepId + "-";

    /// <summary>
    /// What a sweep varies, outermost first: modes, periods, then each grid setting in key order, the last fastest.
    /// A run's index is a number whose digits, in these bases, pick its mode, period and setting values.
    /// </summary>
    private sealed record Axes(IReadOnlyList<string> Modes, IReadOnlyList<SweepPeriod> Periods, IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Settings, int Count)
    {
        public static Axes Of(SweepRequest sweep)
        {
            ArgumentNullException.ThrowIfNull(sweep);
            ArgumentNullException.ThrowIfNull(sweep.Base);
            var modes = sweep.Modes is { Count: > 0 } m ? m : [sweep.Base.Mode];
            var periods = sweep.Periods is { Count: > 0 } p ? p : [new SweepPeriod(sweep.Base.StartUtc, sweep.Base.EndUtc)];
            var settings = (sweep.Grid ?? new Dictionary<string, IReadOnlyList<string>>()).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            foreach (var (key, values) in settings)
            {
                if (string.IsNullOrWhiteSpace(key) || values is not { Count: > 0 })
                {
                    throw new BacktestRequestException("grid", $"setting '{key}' needs at least one value");
                }
            }

            var count = settings.Aggregate((long)modes.Count * periods.Count, (n, kv) => n * kv.Value.Count);
            return count <= MaxRuns
                ? new Axes(modes, periods, settings, (int)count)
                : throw new BacktestRequestException("grid", $"asks for {count.ToString("N0", CultureInfo.InvariantCulture)} runs; a sweep may run at most {MaxRuns.ToString("N0", CultureInfo.InvariantCulture)}");
        }

        public SweepCase Case(string sweepId, SweepRequest sweep, int index)
        {
            // Peel the digits off from the fastest axis (the last setting) to the slowest (the mode).
            var rest = index;
            var chosen = new KeyValuePair<string, string>[Settings.Count];
            for (var s = Settings.Count - 1; s >= 0; s--)
            {
                var values = Settings[s].Value;
                chosen[s] = new(Settings[s].Key, values[rest % values.Count]);
                rest /= values.Count;
            }

            var period = Periods[rest % Periods.Count];
            var mode = Modes[rest / Periods.Count];
            var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["mode"] = mode,
                ["start"] = UnixTime.Format(period.StartUtc),
                ["end"] = UnixTime.Format(period.EndUtc),
            };
            foreach (var (key, value) in chosen)
            {
                parameters[key] = value;
            }

            var request = sweep.Base with
            {
                Mode = mode,
                StartUtc = period.StartUtc,
                EndUtc = period.EndUtc,
                Overrides = [.. sweep.Base.Overrides ?? [], .. chosen.Select(kv => $"{kv.Key}={kv.Value}")],
                Keep = KeptResults.SummaryOnly,
                SweepId = sweepId,
            };
            return new SweepCase(RunId(sweepId, index), parameters, request);
        }
    }
}
