using Basis.Core.Market;

namespace Basis.Core.Stress;

/// <summary>A change made to a run's market data to see how a strategy copes (<c>backtest --stress</c>).</summary>
/// <param name="StartUtc">The first hour the shock affects.</param>
public abstract record MarketShock(DateTime StartUtc)
{
    /// <summary>One line for the summary and the report.</summary>
    public abstract string Describe();

    /// <summary>
    /// The shock in <c>--stress</c> syntax, read back by the configuration's stress binding: how a shock travels
    /// inside a backtest request.
    /// </summary>
    public abstract string ToArgument();

    /// <summary>The start as written in <see cref="ToArgument"/>.</summary>
    protected string At => Time.UnixTime.Format(StartUtc);

    /// <summary>Returns a copy of <paramref name="market"/> with the shock applied from <paramref name="startHour"/>.</summary>
    internal abstract MarketData Apply(MarketData market, int startHour);

    /// <summary>Replaces the columns named in <paramref name="columns"/> of every series <paramref name="selects"/> accepts.</summary>
    private protected static MarketData Reshape(MarketData market, Func<SeriesId, bool> selects, IReadOnlyCollection<string> columns, Action<string, double[]> reshape)
    {
        var result = market;
        foreach (var series in market.AllAligned.Where(s => selects(s.Id)).ToList())
        {
            var copies = series.Spec.Columns.Select(c =>
            {
                var copy = (double[])series.Column(c.Name).Clone();
                if (columns.Contains(c.Name))
                {
                    reshape(c.Name, copy);
                }

                return copy;
            }).ToArray();
            result = result.With(new AlignedSeries(series.Id, copies));
        }

        return result;
    }
}
