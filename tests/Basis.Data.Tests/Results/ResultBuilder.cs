using Basis.Core.Events;
using Basis.Core.Market;
using Basis.Core.Results;
using Basis.Core.Time;
using Basis.Data.Sample;

namespace Basis.Data.Tests.Results;

/// <summary>
/// Builds a <see cref="BacktestResult"/> with the columns a mode's run would have, filled with seeded random
/// walks (noisier than any real run, the worst case for the report's size), for tests of the result writers.
/// </summary>
internal sealed class ResultBuilder
{
    public static readonly string[] Sources =
        ["lending_yield", "borrow_cost", "staking_yield", "rewards", "funding", "price", "basis", "trading_fees", "slippage", "gas", "liquidation"];

    private readonly List<string> _names = [];
    private readonly List<double[]> _values = [];
    private readonly List<SimulationEvent> _events = [];
    private readonly SampleRandom _random;

    public ResultBuilder(int hours, ulong seed = 7)
    {
        Grid = new HourGrid(Start, Start.AddHours(hours));
        _random = SampleRandom.Stream(seed, "report-tests");
    }

    public static DateTime Start { get; } = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public HourGrid Grid { get; }

    public string Mode { get; set; } = "eth_basis";

    public string ShareClass { get; set; } = "USDT";

    public double InitialCapital { get; set; } = 100_000;

    public DataReport DataReport { get; set; } = new("data", [
        new SeriesReport(SeriesId.Parse("spot/binance/ETHUSDT"), SeriesUse.Level, 2_160, Start, Start.AddHours(2_159), new Dictionary<string, int>()),
    ]);

    /// <summary>The columns of an eth_basis run: equity, drawdown, sources, residual, net delta, margin ratios, positions.</summary>
    public static ResultBuilder Basis(int hours)
    {
        var builder = new ResultBuilder(hours).WithEquityAndSources();
        builder.Walk("net_delta", -0.0015, 1e-5);
        foreach (var venue in new[] { "binance", "bybit", "okx" })
        {
            builder.Walk($"margin_ratio_{venue}_ETHUSDT", 0.25, 0.004);
        }

        foreach (var key in new[] { "wallet:BaseToken:USDT", "wallet:BaseToken:ETH", "bybit:BaseToken:USDT", "bybit:BaseToken:ETH", "binance:BaseToken:USDT", "binance:Perp:ETHUSDT", "bybit:Perp:ETHUSDT", "okx:BaseToken:USDT", "okx:Perp:ETHUSDT" })
        {
            builder.Walk(key, 10, 0.05);
        }

        return builder;
    }

    /// <summary>The columns of a pure lending run: AAVE health factor (infinite: no debt) and LTV, no perps, no delta.</summary>
    public static ResultBuilder Lending(int hours)
    {
        var builder = new ResultBuilder(hours) { Mode = "pure_lending_usdt" }.WithEquityAndSources();
        builder.Column("health_factor", _ => double.PositiveInfinity);
        builder.Column("ltv", _ => 0);
        builder.Walk("wallet:BaseToken:USDT", 0, 0);
        builder.Walk("aave_v3:aToken:aUSDT", 100_000, 1);
        return builder;
    }

    public ResultBuilder Column(string name, Func<int, double> value)
    {
        _names.Add(name);
        _values.Add([.. Enumerable.Range(0, Grid.Hours).Select(value)]);
        return this;
    }

    /// <summary>A Gaussian random walk from <paramref name="start"/>.</summary>
    public ResultBuilder Walk(string name, double start, double stepSd)
    {
        var values = new double[Grid.Hours];
        var value = start;
        for (var h = 0; h < values.Length; h++)
        {
            values[h] = value;
            value += stepSd * _random.NextNormal();
        }

        _names.Add(name);
        _values.Add(values);
        return this;
    }

    public ResultBuilder Event(SimulationEvent simulationEvent)
    {
        _events.Add(simulationEvent);
        return this;
    }

    public int EventCount => _events.Count;

    public double[] Values(string name) => _values[_names.IndexOf(name)];

    public BacktestResult Build()
    {
        var timeseries = Timeseries.FromColumns(Grid, _names, _values);
        var equity = Values("equity");
        var attribution = Sources.ToDictionary(s => s, s => Values(s)[^1]);
        var summary = new BacktestSummary
        {
            RunId = Mode + "_test",
            Mode = Mode,
            ShareClass = ShareClass,
            Start = Grid.Start,
            End = Grid.End,
            InitialCapital = InitialCapital,
            FinalEquity = equity[^1],
            NetFlows = 0,
            Pnl = equity[^1] - InitialCapital,
            TotalReturn = (equity[^1] / InitialCapital) - 1,
            Apr = 0.05,
            Apy = 0.0512,
            Volatility = 0.01,
            Sharpe = 5,
            Sortino = null,
            Calmar = 12.5,
            MaxDrawdown = -Values("drawdown").Min(),
            MaxDrawdownDurationHours = 285,
            Scenario = [],
            Attribution = attribution,
            AttributionResidual = 1.3e-11,
            Costs = new CostTotals(281.17207, 42.2157842, 4.802373),
            FundingReceived = 1_949.023,
            Rebalances = _events.OfType<RebalanceEvent>().Count(),
            Trades = 48,
            Liquidations = 0,
            MinHealthFactor = null,
            MaxLtv = 0,
            MinMarginRatio = 0.1502774,
            MaxAbsDelta = 5.24e-5,
            DataReport = DataReport,
            ConfigHash = "cb93f0b7",
            EngineVersion = "0.1.0+test",
            ElapsedMs = 29,
        };
        return new BacktestResult(summary, timeseries, _events, new Dictionary<string, double>());
    }

    /// <summary>Equity as a random walk, drawdown from its running peak (starting at the capital), every source, residual.</summary>
    private ResultBuilder WithEquityAndSources()
    {
        Walk("equity", InitialCapital, 8);
        var equity = Values("equity");
        var peak = InitialCapital;
        Column("drawdown", h =>
        {
            peak = Math.Max(peak, equity[h]);
            return (equity[h] / peak) - 1;
        });
        foreach (var source in Sources)
        {
            if (source is "funding" or "price" or "basis" or "trading_fees")
            {
                Walk(source, 0, source == "trading_fees" ? 0.5 : 3);
            }
            else
            {
                Column(source, _ => 0);
            }
        }

        Column("residual", _ => 0);
        return this;
    }
}
