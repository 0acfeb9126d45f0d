using System.Text.Json;
using System.Text.Json.Serialization;
using Basis.Core.Results;

namespace Basis.Core.Tests.Support;

/// <summary>Asserts that two runs gave the same result: summary (bar elapsed time), every timeseries cell bit for bit, events, positions.</summary>
internal static class SameResult
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Assert(BacktestResult expected, BacktestResult actual)
    {
        Xunit.Assert.Equal(
            JsonSerializer.Serialize(expected.Summary with { ElapsedMs = 0 }, Json),
            JsonSerializer.Serialize(actual.Summary with { ElapsedMs = 0 }, Json));

        Xunit.Assert.Equal(expected.Timeseries.Columns, actual.Timeseries.Columns);
        Xunit.Assert.Equal(expected.Timeseries.Grid, actual.Timeseries.Grid);
        for (var h = 0; h < expected.Timeseries.Grid.Hours; h++)
        {
            for (var c = 0; c < expected.Timeseries.Columns.Count; c++)
            {
                var (want, got) = (expected.Timeseries[h, c], actual.Timeseries[h, c]);
                Xunit.Assert.True(BitConverter.DoubleToInt64Bits(want) == BitConverter.DoubleToInt64Bits(got), $"hour {h}, {expected.Timeseries.Columns[c]}: {want:R} ≠ {got:R}");
            }
        }

        Xunit.Assert.Equal(expected.Events, actual.Events);

        // Record equality ignores DateTime.Kind; the JSON (a "Z" suffix or none) does not.
        Xunit.Assert.Equal(JsonSerializer.Serialize(expected.Events, Json), JsonSerializer.Serialize(actual.Events, Json));
        Xunit.Assert.Equal(expected.FinalPositions.OrderBy(p => p.Key, StringComparer.Ordinal), actual.FinalPositions.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
