using Basis.Data.Sample;

namespace Basis.Data.Tests.Sample;

public sealed class MeanRevertingProcessTests
{
    [Fact]
    public void A_long_run_has_the_configured_mean_and_standard_deviation()
    {
        var random = SampleRandom.Stream(3, "ou-test");
        var process = new MeanRevertingProcess(mean: 1e-4, sd: 8e-5, halfLifePeriods: 24, start: 1e-4);
        const int Count = 400_000;
        double sum = 0, sumOfSquares = 0;
        for (var i = 0; i < Count; i++)
        {
            var x = process.Step(random.NextNormal());
            sum += x;
            sumOfSquares += x * x;
        }

        var mean = sum / Count;
        var sd = Math.Sqrt((sumOfSquares / Count) - (mean * mean));
        Assert.InRange(mean, 0.9e-4, 1.1e-4);
        Assert.InRange(sd, 7.6e-5, 8.4e-5);
    }

    [Fact]
    public void Reflection_folds_values_back_inside_the_bounds()
    {
        Assert.Equal(0.0008, MeanRevertingProcess.Reflect(0.0012, -0.006, 0.001), 15);
        Assert.Equal(-0.0059, MeanRevertingProcess.Reflect(-0.0061, -0.006, 0.001), 15);
        Assert.Equal(-0.003, MeanRevertingProcess.Reflect(-0.003, -0.006, 0.001));
    }
}
