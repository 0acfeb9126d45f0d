using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Basis.Benchmarks;

/// <summary>Simulated hours per second of wall time, from the mean of an engine benchmark.</summary>
internal sealed class HoursPerSecondColumn : IColumn
{
    public string Id => nameof(HoursPerSecondColumn);

    public string ColumnName => "Hours/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Simulated hours per second (8,760 hours per run ÷ mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.Type != typeof(EngineBenchmarks) || summary[benchmarkCase]?.ResultStatistics is not { } statistics)
        {
            return "-";
        }

        var seconds = statistics.Mean / 1e9;
        return (EngineBenchmarks.Hours / seconds).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
