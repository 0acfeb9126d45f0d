using Basis.Core.Accounting;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Strategies;
using Basis.Core.Time;

namespace Basis.Core.Simulation;

/// <summary>
/// Per-hour valuation factors of every instrument a strategy holds, resolved once from the market data:
/// value in the share class = quantity × AAVE index × LST rate × price of the priced-in asset in the share class.
/// Perps are valued as size × (mark − entry) in USDT. The hourly loop indexes these arrays and nothing else.
/// </summary>
public sealed class ValuationModel
{
    private readonly Instrument[] _instruments;
    private readonly bool[] _subscribed = new bool[InstrumentRegistry.All.Count];
    private readonly double[]?[] _index = new double[]?[InstrumentRegistry.All.Count];
    private readonly double[]?[] _lstRate = new double[]?[InstrumentRegistry.All.Count];
    private readonly double[]?[] _depeg = new double[]?[InstrumentRegistry.All.Count];
    private readonly Dictionary<LstToken, double[]> _lstMarketRates = [];
    private readonly double[][] _priceSc = new double[InstrumentRegistry.All.Count][];
    private readonly double[]?[] _mark = new double[]?[InstrumentRegistry.All.Count];
    private readonly double[]?[] _funding = new double[]?[InstrumentRegistry.All.Count];
    private readonly double[] _usdtSc;
    private readonly Dictionary<Asset, double[]> _usd = [];
    private readonly Dictionary<Asset, double[]> _sc = [];
    private readonly Dictionary<LstToken, double[]> _lstRates = [];
    private readonly Dictionary<string, (double[] Liquidity, double[] Borrow)> _aave = new(StringComparer.Ordinal);

    /// <summary>Resolves every factor the strategy's instruments need.</summary>
    public ValuationModel(MarketData market, ModeSettings mode, IStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(strategy);

        Grid = market.Grid;
        ShareClass = mode.ShareClass;
        var ones = new double[Grid.Hours];
        Array.Fill(ones, 1.0);

        _usd[Asset.Usdt] = ones;
        var ethUsd = PriceColumn(market, DataPlan.PriceSeries(mode, Asset.Eth));
        foreach (var asset in DataPlan.PricedAssets(mode, strategy))
        {
            var series = DataPlan.PriceSeries(mode, asset);
            var price = PriceColumn(market, series);
            _usd[asset] = asset is Asset.Eigen or Asset.Ethfi ? Multiply(price, ethUsd) : price;
        }

        var shareClassUsd = _usd[mode.ShareClass.Asset()];
        foreach (var (asset, usd) in _usd)
        {
            // The share-class asset is exactly 1: an ETH-class position in ETH must show no price P&L at all.
            _sc[asset] = asset == mode.ShareClass.Asset() ? ones : Divide(usd, shareClassUsd);
        }

        var gas = market.Series(DataPlan.Gas);
        var baseFee = gas.Column("base_fee_gwei");
        var priorityFee = gas.Column("priority_fee_p50_gwei");
        _usdtSc = _sc[Asset.Usdt];
        GasPriceGwei = new double[Grid.Hours];
        for (var h = 0; h < Grid.Hours; h++)
        {
            GasPriceGwei[h] = GasAccounting.GasPriceGwei(baseFee[h], priorityFee[h]);
        }

        _instruments = [.. strategy.Instruments];
        foreach (var instrument in _instruments)
        {
            var id = instrument.Id;
            _subscribed[id] = true;
            _priceSc[id] = _sc[instrument.PricedIn];
            if (instrument.AaveReserve is { } reserve)
            {
                var indices = AaveIndices(market, reserve);
                _index[id] = instrument.IsDebt ? indices.Borrow : indices.Liquidity;
            }

            if (instrument.Lst is { } lst)
            {
                _lstRate[id] = ResolveLstRate(market, lst);
                _depeg[id] = market.Depeg(lst);
                if (!_lstMarketRates.ContainsKey(lst))
                {
                    _lstMarketRates[lst] = MarketRate(market, lst);
                }
            }

            if (instrument.Key.Type == PositionType.Perp)
            {
                _mark[id] = market.Series(DataPlan.MarkSeries(instrument)).Column("open");
                _funding[id] = market.Series(DataPlan.FundingSeries(instrument)).Column("rate");
            }
        }
    }

    /// <summary>The run's hours.</summary>
    public HourGrid Grid { get; }

    /// <summary>The reporting currency.</summary>
    public ShareClass ShareClass { get; }

    /// <summary>Gas price per hour: base fee + median priority fee, in gwei.</summary>
    public double[] GasPriceGwei { get; }

    /// <summary>The instruments valued, in the strategy's order.</summary>
    public ReadOnlySpan<Instrument> Instruments => _instruments;

    /// <summary>True when the strategy declared the instrument.</summary>
    public bool IsSubscribed(Instrument instrument) => _subscribed[instrument.Id];

    /// <summary>USD price of an asset per hour.</summary>
    public double[] UsdPrice(Asset asset) =>
        _usd.TryGetValue(asset, out var usd) ? usd : throw new InvalidOperationException($"{asset.Symbol()} is not priced in this run.");

    /// <summary>Price of one unit of an asset in share-class units, per hour.</summary>
    public double[] ScPrice(Asset asset) =>
        _sc.TryGetValue(asset, out var sc) ? sc : throw new InvalidOperationException($"{asset.Symbol()} is not priced in this run.");

    /// <summary>LST/ETH exchange rate per hour.</summary>
    public double[] LstRate(LstToken lst) =>
        _lstRates.TryGetValue(lst, out var rate) ? rate : throw new InvalidOperationException($"{lst.Symbol()} is not held in this run.");

    /// <summary>
    /// ETH a DEX pays per LST unit before fees, per hour: the data's market rate, times any stressed depeg.
    /// </summary>
    public double[] LstMarketRate(LstToken lst) =>
        _lstMarketRates.TryGetValue(lst, out var rate) ? rate : throw new InvalidOperationException($"{lst.Symbol()} is not held in this run.");

    /// <summary>The AAVE index that scales an aToken's or debt token's balance, per hour.</summary>
    public double[] Index(Instrument instrument) =>
        _index[instrument.Id] ?? throw new InvalidOperationException($"{instrument} has no AAVE index.");

    /// <summary>Mark price of a perp per hour.</summary>
    public double[] Mark(Instrument perp) =>
        _mark[perp.Id] ?? throw new InvalidOperationException($"{perp} is not a perp held in this run.");

    /// <summary>Funding rate of a perp per hour (NaN where no funding happened).</summary>
    public double[] Funding(Instrument perp) =>
        _funding[perp.Id] ?? throw new InvalidOperationException($"{perp} is not a perp held in this run.");

    /// <summary>
    /// Units of the priced-in asset one held unit is worth at <paramref name="hour"/>: the AAVE index times the
    /// LST rate (1 for plain tokens).
    /// </summary>
    public double UnderlyingPerUnit(Instrument instrument, int hour) =>
        (_index[instrument.Id]?[hour] ?? 1.0) * (_lstRate[instrument.Id]?[hour] ?? 1.0) * (_depeg[instrument.Id]?[hour] ?? 1.0);

    /// <summary>Share-class value of a position at an hour (negative for debt; unrealised P&amp;L for perps).</summary>
    public double ValueSc(Portfolio portfolio, Instrument instrument, int hour)
    {
        var quantity = portfolio.Quantity(instrument);
        if (quantity == 0)
        {
            return 0;
        }

        var id = instrument.Id;
        if (_mark[id] is { } mark)
        {
            return quantity * (mark[hour] - portfolio.EntryPrice(instrument)) * _usdtSc[hour];
        }

        var value = quantity * (_index[id]?[hour] ?? 1.0) * (_lstRate[id]?[hour] ?? 1.0) * (_depeg[id]?[hour] ?? 1.0) * _priceSc[id][hour];
        return instrument.IsDebt ? -value : value;
    }

    /// <summary>Equity in the share class: assets − debts + perp unrealised P&amp;L (DESIGN §4).</summary>
    public double EquitySc(Portfolio portfolio, int hour)
    {
        var equity = 0.0;
        foreach (var instrument in _instruments)
        {
            equity += ValueSc(portfolio, instrument, hour);
        }

        return equity;
    }

    internal double[]? IndexOrNull(Instrument instrument) => _index[instrument.Id];

    internal double[]? LstRateOrNull(Instrument instrument) => _lstRate[instrument.Id];

    internal double[]? DepegOrNull(Instrument instrument) => _depeg[instrument.Id];

    internal double[] PriceScOf(Instrument instrument) => _priceSc[instrument.Id];

    internal double[]? MarkOrNull(Instrument instrument) => _mark[instrument.Id];

    private double[] ResolveLstRate(MarketData market, LstToken lst)
    {
        if (!_lstRates.TryGetValue(lst, out var rate))
        {
            rate = market.Series(DataPlan.LstRateSeries(lst)).Column("price");
            _lstRates[lst] = rate;
        }

        return rate;
    }

    private static double[] MarketRate(MarketData market, LstToken lst)
    {
        var rate = market.Series(DataPlan.PegSeries(lst)).Column("market_rate");
        return market.Depeg(lst) is { } depeg ? Multiply(rate, depeg) : rate;
    }

    private (double[] Liquidity, double[] Borrow) AaveIndices(MarketData market, string reserve)
    {
        if (!_aave.TryGetValue(reserve, out var indices))
        {
            var series = market.Series(DataPlan.AaveSeries(reserve));
            indices = (series.Column("liquidity_index"), series.Column("variable_borrow_index"));
            _aave[reserve] = indices;
        }

        return indices;
    }

    private static double[] PriceColumn(MarketData market, SeriesId id) => market.Series(id).Column(DataPlan.PriceColumn(id));

    private static double[] Multiply(double[] a, double[] b)
    {
        var result = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = a[i] * b[i];
        }

        return result;
    }

    private static double[] Divide(double[] a, double[] b)
    {
        var result = new double[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            result[i] = a[i] / b[i];
        }

        return result;
    }
}
