using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Strategies;
using Basis.Core.Time;

namespace Basis.Core.Simulation;

/// <summary>
/// Pays reward distributions to weETH holders: at each payout, tokens = tokens per eETH × the time-weighted
/// eETH held over the earning period (hours before the run count as zero). eETH held = weETH units (in the
/// wallet or supplied to AAVE) × the weETH/eETH rate.
/// </summary>
internal sealed class RewardSettlement
{
    private readonly List<Payout> _payouts = [];
    private readonly double[] _eethHeld;
    private readonly Instrument[] _weEthPositions;
    private readonly HourGrid _grid;
    private int _next;

    public RewardSettlement(IStrategy strategy, MarketData market, ValuationModel valuation)
    {
        _grid = market.Grid;
        _eethHeld = new double[_grid.Hours];
        _weEthPositions = strategy.Instruments.Where(i => i.Lst == LstToken.WeEth).ToArray();
        foreach (var stream in strategy.Rewards)
        {
            var rows = market.Distributions(stream.Series);
            var periodStart = rows.Column("period_start");
            var periodEnd = rows.Column("period_end");
            var tokensPerEeth = rows.Column("tokens_per_eeth");
            var estimated = rows.Column("estimated");
            for (var i = 0; i < rows.Count; i++)
            {
                var hour = (int)Math.Ceiling((rows.Times[i] - _grid.UnixSecondsOf(0)) / 3600.0);
                if (hour < 1 || hour >= _grid.Hours || (estimated[i] != 0 && !stream.IncludeEstimated))
                {
                    continue;
                }

                _payouts.Add(new Payout(hour, InstrumentRegistry.Balance(Venue.Wallet, stream.Token), (long)periodStart[i], (long)periodEnd[i], tokensPerEeth[i], estimated[i] != 0));
            }
        }

        _payouts.Sort((a, b) => a.Hour != b.Hour ? a.Hour.CompareTo(b.Hour) : string.CompareOrdinal(a.Token.Key.Symbol, b.Token.Key.Symbol));
        WeEthRate = _weEthPositions.Length > 0 ? valuation.LstRate(LstToken.WeEth) : [];
    }

    private double[] WeEthRate { get; }

    /// <summary>Remembers the eETH held through hour <paramref name="hour"/> (after the hour's trades).</summary>
    public void RecordHolding(Portfolio portfolio, ValuationModel valuation, int hour)
    {
        if (_weEthPositions.Length == 0)
        {
            return;
        }

        var units = 0.0;
        foreach (var position in _weEthPositions)
        {
            units += portfolio.Quantity(position) * (valuation.IndexOrNull(position)?[hour] ?? 1.0);
        }

        _eethHeld[hour] = units * WeEthRate[hour];
    }

    /// <summary>
    /// Pays the distributions due at <paramref name="hour"/>, valued at the hour's price: a reward token may have
    /// no earlier price at all (EIGEN's pool opened on its first payout day).
    /// </summary>
    public void Settle(int hour, DeskLedger desk)
    {
        var valuation = desk.Valuation;
        for (; _next < _payouts.Count && _payouts[_next].Hour == hour; _next++)
        {
            var payout = _payouts[_next];
            var startHour = Math.Max(0, HourOf(payout.PeriodStart));
            var endHour = Math.Min(hour, HourOf(payout.PeriodEnd));
            var heldHours = 0.0;
            for (var h = startHour; h < endHour; h++)
            {
                heldHours += _eethHeld[h];
            }

            var periodHours = (payout.PeriodEnd - payout.PeriodStart) / 3600.0;
            var averageEeth = periodHours > 0 ? heldHours / periodHours : 0;
            var amount = payout.TokensPerEeth * averageEeth;
            if (amount <= 0)
            {
                continue;
            }

            var price = valuation.ScPrice(payout.Token.PricedIn)[hour];
            if (!double.IsFinite(price))
            {
                throw new MissingPriceException(payout.Token, _grid.TimeOf(hour));
            }

            desk.Settle(payout.Token, amount, AttributionSource.Rewards, price);
            desk.Record(new RewardEvent(_grid.TimeOf(hour), payout.Token.Key.ToString(), amount, averageEeth, payout.TokensPerEeth,
                UnixTime.FromSeconds(payout.PeriodStart), UnixTime.FromSeconds(payout.PeriodEnd), payout.Estimated));
        }
    }

    /// <summary>
    /// Writes the next payout and the eETH held over the hours before <paramref name="nextHour"/> that a pending
    /// payout's earning period still covers; earlier hours are never read again.
    /// </summary>
    public void WriteState(BinaryWriter writer, int nextHour)
    {
        var from = nextHour;
        for (var i = _next; i < _payouts.Count; i++)
        {
            from = Math.Min(from, Math.Max(0, HourOf(_payouts[i].PeriodStart)));
        }

        writer.Write(_next);
        writer.Write(from);
        for (var h = from; h < nextHour; h++)
        {
            writer.Write(_eethHeld[h]);
        }
    }

    /// <summary>Restores what <see cref="WriteState"/> wrote for the same <paramref name="nextHour"/>.</summary>
    public void ReadState(BinaryReader reader, int nextHour)
    {
        _next = reader.ReadInt32();
        var from = reader.ReadInt32();
        if (_next < 0 || _next > _payouts.Count || from < 0 || from > nextHour)
        {
            throw new InvalidDataException($"The reward state (payout {_next} of {_payouts.Count}, eETH held from hour {from}) does not fit this run at hour {nextHour}.");
        }

        for (var h = from; h < nextHour; h++)
        {
            _eethHeld[h] = reader.ReadDouble();
        }
    }

    private int HourOf(long unixSeconds) => (int)Math.Ceiling((unixSeconds - _grid.UnixSecondsOf(0)) / 3600.0);

    private sealed record Payout(int Hour, Instrument Token, long PeriodStart, long PeriodEnd, double TokensPerEeth, bool Estimated);
}
