namespace Basis.Core.Simulation;

/// <summary>
/// The extremes of the risk figures over a run, for the summary: the lowest health factor and margin ratio (including
/// the ones that triggered a liquidation, not only what was left after it), the highest LTV and |net delta|.
/// </summary>
internal sealed class RiskExtremes
{
    public double MinHealthFactor { get; private set; } = double.PositiveInfinity;

    public double MaxLtv { get; private set; }

    public double MinMarginRatio { get; private set; } = double.PositiveInfinity;

    /// <summary>The largest |net delta| as a fraction of equity.</summary>
    public double MaxAbsDelta { get; private set; }

    public void ObserveHealthFactor(double healthFactor) => MinHealthFactor = Math.Min(MinHealthFactor, healthFactor);

    public void ObserveLtv(double ltv) => MaxLtv = Math.Max(MaxLtv, ltv);

    public void ObserveMarginRatio(double ratio) => MinMarginRatio = Math.Min(MinMarginRatio, ratio);

    public void ObserveAbsDelta(double fractionOfEquity) => MaxAbsDelta = Math.Max(MaxAbsDelta, fractionOfEquity);

    public void WriteState(BinaryWriter writer)
    {
        writer.Write(MinHealthFactor);
        writer.Write(MaxLtv);
        writer.Write(MinMarginRatio);
        writer.Write(MaxAbsDelta);
    }

    public void ReadState(BinaryReader reader) =>
        (MinHealthFactor, MaxLtv, MinMarginRatio, MaxAbsDelta) = (reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadDouble());
}
