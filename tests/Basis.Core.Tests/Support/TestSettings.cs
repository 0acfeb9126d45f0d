using Basis.Core.Costs;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Strategies;

namespace Basis.Core.Tests.Support;

/// <summary>Venue and mode settings with round numbers, so worked examples stay checkable by hand.</summary>
internal static class TestSettings
{
    public static VenueSettings Venues(double perpTakerBps = 5, double spotTakerBps = 10, double slippageBps = 0, double maintenanceMargin = 0.005, double withdrawalFee = 1, double dexFeeBps = 30, double lstPoolFeeBps = 1)
    {
        var exchanges = VenueNames.PerpVenues.ToDictionary(
            v => v,
            v => new ExchangeSettings(v, new TradingFees(spotTakerBps, spotTakerBps), new TradingFees(2, perpTakerBps), maintenanceMargin, 50, withdrawalFee));
        var gas = new GasSettings(Enum.GetValues<GasOperation>().ToDictionary(op => op, _ => 100_000));
        IReadOnlyList<SlippageBucket> flat = [new(double.PositiveInfinity, slippageBps)];
        var pairs = new[] { "BTCUSDT-SPOT", "ETHUSDT-SPOT", "BTCUSDT-PERP", "ETHUSDT-PERP", "EIGEN_ETH", "ETHFI_ETH", "ETH_weETH", "ETH_wstETH", "ETH_USDT" }
            .ToDictionary(p => p, _ => flat);
        return new VenueSettings(
            exchanges,
            gas,
            new SlippageTable(pairs),
            new Dictionary<string, double> { ["EIGEN_ETH"] = dexFeeBps, ["ETHFI_ETH"] = dexFeeBps, ["ETH_weETH"] = lstPoolFeeBps, ["ETH_wstETH"] = lstPoolFeeBps, ["ETH_USDT"] = 0 },
            new AaveSettings(new EModeSettings(0.93, 0.95, 0.01), 0.5, 0.95, 0),
            new Dictionary<LstToken, LstSettings>
            {
                [LstToken.WeEth] = new(LstToken.WeEth, 7, "ETH_weETH"),
                [LstToken.WstEth] = new(LstToken.WstEth, 0, "ETH_wstETH"),
            });
    }

    public static LeverageParameters Leverage(double targetLtv = 0.9, double band = 0.05, double floor = 1.02) =>
        new(LstToken.WeEth, targetLtv, 0.0225, band, floor);

    public static ModeSettings Mode(string name, ShareClass shareClass, StrategyParameters parameters, string ethPrice = "oracle/aave/ETH-USD", string? btcPrice = null)
    {
        var prices = new Dictionary<Asset, SeriesId> { [Asset.Eth] = SeriesId.Parse(ethPrice) };
        if (btcPrice is not null)
        {
            prices[Asset.Btc] = SeriesId.Parse(btcPrice);
        }

        return new ModeSettings(name, shareClass, name, 0, 0, prices, new Dictionary<SeriesId, IReadOnlyList<SeriesId>>(), parameters);
    }
}
