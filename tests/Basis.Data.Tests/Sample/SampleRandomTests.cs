using Basis.Data.Sample;

namespace Basis.Data.Tests.Sample;

public sealed class SampleRandomTests
{
    [Fact]
    public void Xoshiro256_star_star_matches_the_reference_outputs()
    {
        // Reference implementation (prng.di.unimi.it/xoshiro256starstar.c) from state {1, 2, 3, 4}.
        var random = new SampleRandom(1, 2, 3, 4);

        ulong[] outputs = [random.NextBits(), random.NextBits(), random.NextBits(), random.NextBits()];

        Assert.Equal([11520UL, 0UL, 1509978240UL, 1215971899390074240UL], outputs);
    }

    [Fact]
    public void SplitMix64_matches_the_reference_outputs()
    {
        // Reference implementation (prng.di.unimi.it/splitmix64.c) from state 0.
        var state = 0UL;

        ulong[] outputs = [SampleRandom.NextSplitMix64(ref state), SampleRandom.NextSplitMix64(ref state), SampleRandom.NextSplitMix64(ref state)];

        Assert.Equal([16294208416658607535UL, 7960286522194355700UL, 487617019471545679UL], outputs);
    }

    [Fact]
    public void A_stream_repeats_for_the_same_seed_and_name_and_differs_otherwise()
    {
        static ulong[] First(ulong seed, string name)
        {
            var random = SampleRandom.Stream(seed, name);
            return [random.NextBits(), random.NextBits(), random.NextBits()];
        }

        Assert.Equal(First(2025, "path/ETH"), First(2025, "path/ETH"));
        Assert.NotEqual(First(2025, "path/ETH"), First(2025, "path/BTC"));
        Assert.NotEqual(First(2025, "path/ETH"), First(2026, "path/ETH"));
    }

    [Fact]
    public void Normal_deviates_have_zero_mean_unit_variance_and_normal_tails()
    {
        var random = SampleRandom.Stream(1, "normal-test");
        const int Count = 200_000;
        double sum = 0, sumOfSquares = 0;
        var beyondTwo = 0;
        for (var i = 0; i < Count; i++)
        {
            var z = random.NextNormal();
            sum += z;
            sumOfSquares += z * z;
            beyondTwo += Math.Abs(z) > 2 ? 1 : 0;
        }

        // Standard errors: mean 1/√n ≈ 0.0022, variance √(2/n) ≈ 0.0032; P(|z| > 2) = 4.55%.
        Assert.InRange(sum / Count, -0.01, 0.01);
        Assert.InRange(sumOfSquares / Count, 0.985, 1.015);
        Assert.InRange(beyondTwo / (double)Count, 0.043, 0.048);
    }

    [Fact]
    public void Uniforms_stay_in_their_intervals()
    {
        var random = SampleRandom.Stream(1, "uniform-test");
        for (var i = 0; i < 100_000; i++)
        {
            Assert.InRange(random.NextUniform(), 0, 0.9999999999999999);
            Assert.InRange(random.NextUniformPositive(), double.Epsilon, 1);
            Assert.InRange(random.NextInt(1, 3), 1, 3);
        }
    }
}
