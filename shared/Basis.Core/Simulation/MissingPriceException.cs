using Basis.Core.Instruments;

namespace Basis.Core.Simulation;

/// <summary>A held position met an hour without a price (a series requested only while held has a gap there).</summary>
public sealed class MissingPriceException : Exception
{
    /// <summary>Creates the exception for a position and hour.</summary>
    public MissingPriceException(Instrument instrument, DateTime timeUtc)
        : base($"{instrument} is held at {timeUtc:yyyy-MM-ddTHH:mm:ssZ} but {instrument.PricedIn.Symbol()} has no price then; the data does not cover the holding.")
    {
        Instrument = instrument;
        TimeUtc = timeUtc;
    }

    /// <summary>The position without a price.</summary>
    public Instrument Instrument { get; }

    /// <summary>The hour.</summary>
    public DateTime TimeUtc { get; }

    internal static MissingPriceException For(Portfolio portfolio, ValuationModel valuation, int hour)
    {
        var held = valuation.Instruments.ToArray().First(i => portfolio.Quantity(i) != 0 && !double.IsFinite(valuation.ValueSc(portfolio, i, hour)));
        return new MissingPriceException(held, valuation.Grid.TimeOf(hour));
    }
}
