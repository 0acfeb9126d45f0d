namespace Basis.Data.Sample;

/// <summary>
/// The sample generator's random numbers: xoshiro256** (Blackman &amp; Vigna, 2018) seeded through SplitMix64, with
/// normal deviates from Marsaglia's polar form of Box–Muller. <see cref="Random"/> is not used because its
/// algorithm is not part of .NET's contract and has changed between versions; this one is fixed here, so the
/// same seed gives the same sample on every machine and runtime.
/// <para>
/// Every process draws from its own stream, named after what it drives (<c>"path/ETH"</c>,
/// <c>"spot/binance/ETHUSDT"</c>): adding or reordering series never changes the numbers of another.
/// </para>
/// </summary>
internal sealed class SampleRandom
{
    private const double UnitScale = 1.0 / (1UL << 53);

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Starts from an explicit xoshiro256** state (not all zero); for the reference test vectors.</summary>
    internal SampleRandom(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("xoshiro256** needs a state that is not all zero.", nameof(s0));
        }

        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>The stream called <paramref name="name"/> under <paramref name="seed"/>.</summary>
    public static SampleRandom Stream(ulong seed, string name)
    {
        // SplitMix64 turns (seed, FNV-1a hash of the name) into four well-mixed state words, as the xoshiro
        // authors recommend for seeding.
        var mixer = seed ^ Fnv1a(name);
        return new SampleRandom(SplitMix64(ref mixer), SplitMix64(ref mixer), SplitMix64(ref mixer), SplitMix64(ref mixer));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), on a grid of 2^-53.</summary>
    public double NextUniform() => (NextBits() >> 11) * UnitScale;

    /// <summary>Uniform in (0, 1]: safe to take the logarithm of.</summary>
    public double NextUniformPositive() => ((NextBits() >> 11) + 1) * UnitScale;

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double NextUniform(double low, double high) => low + ((high - low) * NextUniform());

    /// <summary>An integer uniform in [<paramref name="low"/>, <paramref name="high"/>] (inclusive).</summary>
    public int NextInt(int low, int high) => low + (int)(NextUniform() * (high - low + 1));

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool NextBernoulli(double probability) => NextUniform() < probability;

    /// <summary>A standard normal deviate.</summary>
    public double NextNormal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }

        // Polar method: a point uniform in the unit disc gives two independent normals with one ln and one √,
        // and no trigonometry (whose last bit is platform-dependent).
        double u, v, s;
        do
        {
            u = (2 * NextUniform()) - 1;
            v = (2 * NextUniform()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * PortableMath.Log(s) / s);
        _spareNormal = v * factor;
        _hasSpareNormal = true;
        return u * factor;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E37_79B9_7F4A_7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 0xCBF2_9CE4_8422_2325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x0000_0100_0000_01B3UL;
        }

        return hash;
    }

    /// <summary>SplitMix64's output sequence from <paramref name="state"/>; for the reference test vectors.</summary>
    internal static ulong NextSplitMix64(ref ulong state) => SplitMix64(ref state);
}
