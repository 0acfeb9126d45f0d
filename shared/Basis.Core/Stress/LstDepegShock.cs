using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Market;

namespace Basis.Core.Stress;

/// <summary>
/// An LST trades below its protocol rate: the discount grows linearly to <paramref name="Size"/> over
/// <paramref name="RampHours"/> and then holds. In the data a depeg moves only the DEX market rate (exits pay it;
/// AAVE's exchange-rate oracle does not see it). A stressed depeg by default also moves the value AAVE uses for
/// collateral, as market-rate feeds did in 2022's stETH depeg — the case that can liquidate a loop; it is then
/// attributed to <c>price</c>, not staking yield. With <paramref name="MovesOracle"/> false only the market rate moves.
/// </summary>
public sealed record LstDepegShock(LstToken Lst, double Size, DateTime StartUtc, int RampHours, bool MovesOracle = true) : MarketShock(StartUtc)
{
    /// <inheritdoc />
    public override string ToArgument() =>
        string.Create(CultureInfo.InvariantCulture, $"lst_depeg={Size:R},at={At},hours={RampHours},lst={Lst.Symbol()},oracle={(MovesOracle ? "true" : "false")}");

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Lst.Symbol()} depegs {Size * 100:0.##}% from {StartUtc:yyyy-MM-ddTHH:mm}Z over {RampHours} h, then holds{(MovesOracle ? string.Empty : " (DEX market rate only)")}");

    internal override MarketData Apply(MarketData market, int startHour)
    {
        var factor = new double[market.Grid.Hours];
        for (var h = 0; h < factor.Length; h++)
        {
            var progress = h < startHour ? 0 : Math.Min(1, (h - startHour + 1) / (double)RampHours);
            factor[h] = 1 - (Size * progress);
        }

        if (MovesOracle)
        {
            return market.WithDepeg(Lst, factor);
        }

        var peg = SeriesId.Parse($"peg/{Lst.Symbol()}");
        return Reshape(market, id => id == peg, ["market_rate"], (_, rates) =>
        {
            for (var h = 0; h < rates.Length; h++)
            {
                rates[h] *= factor[h];
            }
        });
    }
}
