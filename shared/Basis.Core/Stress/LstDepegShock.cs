using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Market;

namespace Basis.Core.Stress;

/// <summary>
/// An LST trades below its protocol rate: the discount grows linearly to <paramref name="Size"/> over
/// <paramref name="RampHours"/> and then holds. A depeg deep enough to stress also moves the oracle AAVE values
/// collateral at (the market-rate feeds of 2022's stETH depeg did), so it lowers both the position's value and the
/// DEX exit rate; it is attributed to <c>price</c>, not staking yield.
/// </summary>
public sealed record LstDepegShock(LstToken Lst, double Size, DateTime StartUtc, int RampHours) : MarketShock(StartUtc)
{
    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Lst.Symbol()} depegs {Size * 100:0.##}% from {StartUtc:yyyy-MM-ddTHH:mm}Z over {RampHours} h, then holds");

    internal override MarketData Apply(MarketData market, int startHour)
    {
        var factor = new double[market.Grid.Hours];
        for (var h = 0; h < factor.Length; h++)
        {
            var progress = h < startHour ? 0 : Math.Min(1, (h - startHour + 1) / (double)RampHours);
            factor[h] = 1 - (Size * progress);
        }

        return market.WithDepeg(Lst, factor);
    }
}
