using Basis.Core.Market;

namespace Basis.Data.Sample;

/// <summary>The Ethena sUSDe APY benchmark: one row per UTC midnight, a mean-reverting APY stepped daily inside its bounds.</summary>
internal static class BenchmarkSimulator
{
    private const long SecondsPerDay = 86_400;

    public static SeriesData Susde(long[] times, SampleDataOptions options)
    {
        var id = SeriesId.Parse("benchmark/ethena/sUSDe");
        var random = SampleRandom.Stream(options.Seed, id.Value);
        var (low, high) = (options.SusdeApyMin, options.SusdeApyMax);
        var apy = new MeanRevertingProcess(options.SusdeApyMean, options.SusdeApySd, options.SusdeApyHalfLifeDays,
            MeanRevertingProcess.Reflect(options.SusdeApyMean + (options.SusdeApySd * random.NextNormal()), low, high));
        var days = new List<long>();
        var values = new List<double>();
        foreach (var time in times)
        {
            if (time % SecondsPerDay == 0)
            {
                days.Add(time);
                values.Add(PortableMath.Quantize(apy.Value, options.SusdeApyDecimals));
                apy.StepReflected(random.NextNormal(), low, high);
            }
        }

        return new SeriesData(id, [.. days], [[.. values]]);
    }
}
