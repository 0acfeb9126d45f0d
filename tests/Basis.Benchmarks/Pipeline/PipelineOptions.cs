using System.Globalization;

namespace Basis.Benchmarks.Pipeline;

/// <summary>The <c>pipeline</c> mode's options: which measurements, how many repetitions.</summary>
/// <param name="Only">The measurements to run: <c>cli</c>, <c>http</c>, <c>sweep</c>, <c>azurite</c>, <c>max</c>.</param>
/// <param name="TimedRuns">Timed runs of the command line and of the HTTP backtest (null: 7 and 20).</param>
/// <param name="Sweeps">Repetitions of each 1,000-run sweep (embedded, loop, Azurite).</param>
/// <param name="GridValues">Values per swept setting: the sweep is <c>GridValues³</c> runs.</param>
/// <param name="MaxMonths">The period of the 10,000-run sweep, in months from 2025-01-01.</param>
/// <param name="Poll">How often the HTTP backtest's status is polled.</param>
/// <param name="Basis">The <c>basis</c> executable (null: the Release build under functions/Basis.Server).</param>
internal sealed record PipelineOptions(IReadOnlySet<string> Only, int? TimedRuns, int Sweeps, int GridValues, int MaxMonths, TimeSpan Poll, string? Basis)
{
    public static readonly string[] Measurements = ["cli", "http", "sweep", "azurite", "max"];

    private const string Usage = "options: --only cli,http,sweep,azurite,max  --runs N (CLI and HTTP timed runs; default 7 and 20)  " +
        "--sweeps N (repetitions of each 1,000-run sweep; default 1)  --grid K (K³ runs; default 10)  --max-months M (period of the 10,000-run sweep; default 1)  " +
        "--poll MS (HTTP status poll; default 1)  --basis PATH (the basis executable)";

    public int CliRuns => TimedRuns ?? 7;

    public int HttpRuns => TimedRuns ?? 20;

    public int SweepRuns => GridValues * GridValues * GridValues;

    public bool Runs(string measurement) => Only.Contains(measurement);

    public static PipelineOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PipelineOptions(Measurements.ToHashSet(StringComparer.Ordinal), null, 1, 10, 1, TimeSpan.FromMilliseconds(1), null);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value; {Usage}");
            int Count() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a positive whole number (got '{args[i]}')");
            options = args[i] switch
            {
                "--only" => options with { Only = Selected(Value()) },
                "--runs" => options with { TimedRuns = Count() },
                "--sweeps" => options with { Sweeps = Count() },
                "--grid" => options with { GridValues = Count() },
                "--max-months" => options with { MaxMonths = Count() },
                "--poll" => options with { Poll = TimeSpan.FromMilliseconds(Count()) },
                "--basis" => options with { Basis = Value() },
                _ => throw new ArgumentException($"unknown option '{args[i]}'; {Usage}"),
            };
        }

        return options;
    }

    private static HashSet<string> Selected(string list)
    {
        var selected = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = selected.Except(Measurements).ToList();
        return unknown.Count == 0 && selected.Count > 0
            ? selected
            : throw new ArgumentException($"--only: unknown measurement '{string.Join(", ", unknown)}' (choose from {string.Join(", ", Measurements)})");
    }
}
