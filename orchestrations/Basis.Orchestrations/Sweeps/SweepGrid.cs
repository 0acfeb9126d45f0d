using System.Globalization;
using Basis.Core.Time;
using Basis.Orchestrations.Backtests;

namespace Basis.Orchestrations.Sweeps;

/// <summary>Expands a sweep into its runs, in a fixed order (modes, then periods, then the grid's settings in key order).</summary>
public static class SweepGrid
{
    /// <summary>The most runs one sweep may ask for.</summary>
    public const int MaxRuns = 10_000;

    /// <summary>Every run of <paramref name="sweep"/>; throws <see cref="BacktestRequestException"/> for an empty or oversized grid.</summary>
    public static IReadOnlyList<SweepCase> Expand(string sweepId, SweepRequest sweep)
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
        if (count > MaxRuns)
        {
            throw new BacktestRequestException("grid", $"asks for {count.ToString("N0", CultureInfo.InvariantCulture)} runs; a sweep may run at most {MaxRuns.ToString("N0", CultureInfo.InvariantCulture)}");
        }

        var cases = new List<SweepCase>((int)count);
        foreach (var mode in modes)
        {
            foreach (var period in periods)
            {
                foreach (var combination in Combinations(settings, 0))
                {
                    var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["mode"] = mode,
                        ["start"] = UnixTime.Format(period.StartUtc),
                        ["end"] = UnixTime.Format(period.EndUtc),
                    };
                    foreach (var (key, value) in combination)
                    {
                        parameters[key] = value;
                    }

                    var request = sweep.Base with
                    {
                        Mode = mode,
                        StartUtc = period.StartUtc,
                        EndUtc = period.EndUtc,
                        Overrides = [.. sweep.Base.Overrides ?? [], .. combination.Select(kv => $"{kv.Key}={kv.Value}")],
                        Keep = KeptResults.SummaryOnly,
                        SweepId = sweepId,
                    };
                    cases.Add(new SweepCase(RunId(sweepId, cases.Count), parameters, request));
                }
            }
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
                throw new BacktestRequestException(run.Parameters.Count > 3 && e.Field == "config_overrides" ? "grid" : e.Field, $"{e.Message} (in the run {point})");
            }
        }

        return cases;
    }

    /// <summary>The id of a sweep's run <paramref name="index"/>: the sweep's id, a dash and five digits.</summary>
    public static string RunId(string sweepId, int index) => string.Create(CultureInfo.InvariantCulture, $"{RunIdPrefix(sweepId)}{index:D5}");

    /// <summary>What every run id of the sweep starts with.</summary>
    public static string RunIdPrefix(string sweepId) => sweepId + "-";

    private static IEnumerable<List<KeyValuePair<string, string>>> Combinations(List<KeyValuePair<string, IReadOnlyList<string>>> settings, int from)
    {
        if (from == settings.Count)
        {
            yield return [];
            yield break;
        }

        foreach (var value in settings[from].Value)
        {
            foreach (var rest in Combinations(settings, from + 1))
            {
                rest.Insert(0, new KeyValuePair<string, string>(settings[from].Key, value));
                yield return rest;
            }
        }
    }
}
