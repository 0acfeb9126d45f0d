using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Strategies;

namespace Basis.Core.Simulation;

/// <summary>
/// Derives the series a run needs from the instruments its strategy holds, the share class and the mode's
/// price choices, so a run reads exactly what it values and nothing else.
/// </summary>
public static class DataPlan
{
    /// <summary>The gas price series every on-chain action reads.</summary>
    public static SeriesId Gas { get; } = SeriesId.Parse("gas/ethereum");

    /// <summary>The requests for a run of <paramref name="strategy"/> under <paramref name="mode"/>.</summary>
    public static IReadOnlyList<SeriesRequest> Requests(ModeSettings mode, IStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(strategy);

        var levels = new List<SeriesId> { Gas };
        var events = new List<SeriesId>();
        var distributions = new List<SeriesId>();
        var rewardPrices = strategy.Rewards.Select(r => r.PriceSeries).ToHashSet();

        foreach (var asset in PricedAssets(mode, strategy))
        {
            levels.Add(PriceSeries(mode, asset));
        }

        foreach (var instrument in strategy.Instruments)
        {
            if (instrument.AaveReserve is { } reserve)
            {
                levels.Add(AaveSeries(reserve));
            }

            if (instrument.Lst is { } lst)
            {
                levels.Add(LstRateSeries(lst));
                levels.Add(PegSeries(lst));
            }

            if (instrument.Key.Type == PositionType.Perp)
            {
                levels.Add(MarkSeries(instrument));
                events.Add(FundingSeries(instrument));
            }
        }

        foreach (var stream in strategy.Rewards)
        {
            distributions.Add(stream.Series);
        }

        // Reward tokens are held only after a payout, and may not have traded at all before it.
        return levels.Distinct().Select(id => new SeriesRequest(id, SeriesUse.Level, FallbacksOf(mode, id), OnlyWhileHeld: rewardPrices.Contains(id)))
            .Concat(events.Distinct().Select(id => new SeriesRequest(id, SeriesUse.Events)))
            .Concat(distributions.Distinct().Select(id => new SeriesRequest(id, SeriesUse.Distributions)))
            .ToList();
    }

    /// <summary>
    /// The series valuing <paramref name="asset"/> in USD (for ETH and BTC, the mode's <c>prices</c> choice; for
    /// reward tokens, their Uniswap pool against WETH).
    /// </summary>
    public static SeriesId PriceSeries(ModeSettings mode, Asset asset)
    {
        ArgumentNullException.ThrowIfNull(mode);
        return asset switch
        {
            Asset.Eigen => SeriesId.Parse("spot/uniswap/EIGENWETH"),
            Asset.Ethfi => SeriesId.Parse("spot/uniswap/ETHFIWETH"),
            Asset.Usdt => throw new ArgumentException("USDT is the numeraire and has no price series.", nameof(asset)),
            _ => mode.Prices.TryGetValue(asset, out var id)
                ? id
                : throw new StrategySetupException($"Mode {mode.Mode} holds {asset.Symbol()} but sets no price series for it: add prices.{asset.Symbol()} (e.g. oracle/aave/ETH-USD or spot/bybit/{asset.Symbol()}USDT)."),
        };
    }

    /// <summary>The column that gives a price series' value at an hour: a bar's open, or an oracle's price.</summary>
    public static string PriceColumn(SeriesId id) => id.Kind switch
    {
        SeriesKind.Spot or SeriesKind.Perp => "open",
        SeriesKind.Oracle => "price",
        _ => throw new StrategySetupException($"{id} is not a price series (use a spot, perp or oracle series)."),
    };

    /// <summary>The AAVE reserve series.</summary>
    public static SeriesId AaveSeries(string reserve) => SeriesId.Parse($"aave/ethereum/{reserve}");

    /// <summary>The LST/ETH exchange-rate series.</summary>
    public static SeriesId LstRateSeries(LstToken lst) => SeriesId.Parse($"oracle/aave/{lst.Symbol()}-ETH");

    /// <summary>The LST's peg series: the DEX market rate an exit sells at.</summary>
    public static SeriesId PegSeries(LstToken lst) => SeriesId.Parse($"peg/{lst.Symbol()}");

    /// <summary>A perp's mark series.</summary>
    public static SeriesId MarkSeries(Instrument perp)
    {
        ArgumentNullException.ThrowIfNull(perp);
        return SeriesId.Parse($"perp/{perp.Key.Venue.Name()}/{perp.Key.Symbol}");
    }

    /// <summary>A perp's funding series.</summary>
    public static SeriesId FundingSeries(Instrument perp)
    {
        ArgumentNullException.ThrowIfNull(perp);
        return SeriesId.Parse($"funding/{perp.Key.Venue.Name()}/{perp.Key.Symbol}");
    }

    /// <summary>Every asset whose USD price the run needs: those held, the share class, and ETH for gas and LSTs.</summary>
    public static IReadOnlyList<Asset> PricedAssets(ModeSettings mode, IStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(strategy);
        var assets = new SortedSet<Asset> { Asset.Eth, mode.ShareClass.Asset() };
        foreach (var instrument in strategy.Instruments)
        {
            assets.Add(instrument.PricedIn);
        }

        assets.Remove(Asset.Usdt);
        return [.. assets];
    }

    private static IReadOnlyList<SeriesId> FallbacksOf(ModeSettings mode, SeriesId id) =>
        mode.DataFallbacks.TryGetValue(id, out var fallbacks) ? fallbacks : [];
}
