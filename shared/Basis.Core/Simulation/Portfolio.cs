using Basis.Core.Instruments;

namespace Basis.Core.Simulation;

/// <summary>
/// Every position of a strategy as one array over <see cref="InstrumentRegistry"/>: token units, scaled AAVE
/// balances, LST units and signed perp sizes (with their average entry prices). Arrays make the hourly loop
/// lookup-free and a snapshot (for atomic groups and for passing state between segments) a copy.
/// </summary>
public sealed class Portfolio
{
    private readonly double[] _quantities = new double[InstrumentRegistry.All.Count];
    private readonly double[] _entryPrices = new double[InstrumentRegistry.All.Count];

    /// <summary>
    /// The held quantity: units for tokens and LSTs, the scaled balance for aTokens and debt tokens, the signed
    /// size for perps.
    /// </summary>
    public double Quantity(Instrument instrument) => _quantities[instrument.Id];

    /// <summary>The average entry price of a perp position (0 when flat).</summary>
    public double EntryPrice(Instrument perp) => _entryPrices[perp.Id];

    /// <summary>Instruments with a non-zero quantity, in registry order.</summary>
    public IEnumerable<Instrument> Held => InstrumentRegistry.All.Where(i => _quantities[i.Id] != 0);

    /// <summary>The held quantities by position key, for results and state snapshots.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() =>
        Held.ToDictionary(i => i.Key.ToString(), i => _quantities[i.Id], StringComparer.Ordinal);

    internal ReadOnlySpan<double> Quantities => _quantities;

    internal void Add(Instrument instrument, double delta) => _quantities[instrument.Id] += delta;

    internal void SetPerp(Instrument perp, double size, double entryPrice)
    {
        _quantities[perp.Id] = size;
        _entryPrices[perp.Id] = size == 0 ? 0 : entryPrice;
    }

    /// <summary>Writes every position whose quantity or entry price is not +0, by key (bit-exact, so a −0 survives).</summary>
    internal void WriteState(BinaryWriter writer)
    {
        var held = InstrumentRegistry.All.Where(i => BitConverter.DoubleToInt64Bits(_quantities[i.Id]) != 0 || BitConverter.DoubleToInt64Bits(_entryPrices[i.Id]) != 0).ToList();
        writer.Write(held.Count);
        foreach (var instrument in held)
        {
            writer.Write(instrument.Key.ToString());
            writer.Write(_quantities[instrument.Id]);
            writer.Write(_entryPrices[instrument.Id]);
        }
    }

    /// <summary>Replaces every position with those <see cref="WriteState"/> wrote.</summary>
    internal void ReadState(BinaryReader reader)
    {
        Array.Clear(_quantities);
        Array.Clear(_entryPrices);
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var instrument = InstrumentRegistry.Get(reader.ReadString());
            _quantities[instrument.Id] = reader.ReadDouble();
            _entryPrices[instrument.Id] = reader.ReadDouble();
        }
    }

    internal void CopyTo(Portfolio target)
    {
        _quantities.CopyTo(target._quantities, 0);
        _entryPrices.CopyTo(target._entryPrices, 0);
    }
}
