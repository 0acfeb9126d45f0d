namespace Basis.Core.Simulation;

/// <summary>
/// The hour's attribution bookings and their running totals (DESIGN §4). Every source is booked where it is
/// computed, never as a plug; closing an hour adds the bookings to the totals and the part of the equity change
/// they do not explain to the residual, which must stay ≈ 0.
/// </summary>
internal sealed class AttributionLedger
{
    private readonly double[] _hour = new double[AttributionSources.Count];
    private readonly double[] _totals = new double[AttributionSources.Count];
    private double _previousEquity;

    /// <summary>The running total of Δequity − flows − Σ sources.</summary>
    public double CumulativeResidual { get; private set; }

    /// <summary>The running totals in <see cref="AttributionSources.All"/> order.</summary>
    public ReadOnlySpan<double> Totals => _totals;

    /// <summary>The running total of one source.</summary>
    public double Total(AttributionSource source) => _totals[(int)source];

    /// <summary>Books an amount, in the share class, to the hour's <paramref name="source"/>.</summary>
    public void Book(AttributionSource source, double amountSc) => _hour[(int)source] += amountSc;

    /// <summary>Sets the equity the first hour's change is measured from.</summary>
    public void Open(double equitySc) => _previousEquity = equitySc;

    public void BeginHour() => Array.Clear(_hour);

    /// <summary>Adds the hour's bookings to the totals and what they leave unexplained to the residual.</summary>
    public void CloseHour(double equitySc, double flowSc)
    {
        var explained = 0.0;
        for (var s = 0; s < _hour.Length; s++)
        {
            _totals[s] += _hour[s];
            explained += _hour[s];
        }

        CumulativeResidual += equitySc - _previousEquity - flowSc - explained;
        _previousEquity = equitySc;
    }

    /// <summary>A copy of the hour's bookings, for an atomic plan to roll back to.</summary>
    public double[] SaveHour() => (double[])_hour.Clone();

    public void RestoreHour(double[] saved) => saved.CopyTo(_hour, 0);

    /// <summary>Writes the equity the next hour is measured from, the totals and the residual.</summary>
    public void WriteState(BinaryWriter writer)
    {
        writer.Write(_previousEquity);
        writer.Write(_totals.Length);
        foreach (var total in _totals)
        {
            writer.Write(total);
        }

        writer.Write(CumulativeResidual);
    }

    /// <summary>Restores what <see cref="WriteState"/> wrote.</summary>
    public void ReadState(BinaryReader reader)
    {
        _previousEquity = reader.ReadDouble();
        if (reader.ReadInt32() != _totals.Length)
        {
            throw new InvalidDataException($"The checkpoint's attribution does not have this engine's {_totals.Length} sources.");
        }

        for (var s = 0; s < _totals.Length; s++)
        {
            _totals[s] = reader.ReadDouble();
        }

        CumulativeResidual = reader.ReadDouble();
    }
}
