using Basis.Configuration.Reading;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;

namespace Basis.Configuration.Binding;

/// <summary>
/// Binds a mode's merged tree (configs/modes/{mode}.yaml with <c>--set</c> overrides) into <see cref="ModeSettings"/>.
/// Which keys are valid depends on the mode's strategy family; a key another family uses is reported as unknown.
/// </summary>
internal static class ModeBinding
{
    private static readonly double Tolerance = 1e-9;

    public static ModeSettings Read(ConfigReader reader, StrategyMode mode, VenueSettings venues)
    {
        var name = reader.RequiredString("mode");
        if (name.Length > 0 && name != mode.Name)
        {
            reader.AddError("mode", $"must be '{mode.Name}' to match the file name (got '{name}')");
        }

        var shareClass = reader.Enum<ShareClass>("share_class");
        if (!reader.HasErrors && shareClass != mode.ShareClass)
        {
            reader.AddError("share_class", $"{mode.Name} reports in {mode.ShareClass.Name()} (got {shareClass.Name()})");
        }

        var description = reader.RequiredString("description");
        var targetApy = reader.Required<double>("target_apy", -1, 10);
        var maxDrawdown = reader.Required<double>("max_drawdown", 0, 1);
        var prices = ReadPrices(reader);
        var fallbacks = ReadFallbacks(reader);
        var flows = ReadFlows(reader);
        StrategyParameters parameters = mode.Family switch
        {
            StrategyFamily.Lending => ReadLending(reader),
            StrategyFamily.Staking => ReadStaking(reader),
            StrategyFamily.Basis => ReadBasis(reader, prices, venues),
            StrategyFamily.LeveragedStaking => ReadLeveragedStaking(reader, venues),
            StrategyFamily.HedgedStaking => ReadHedgedStaking(reader, venues, leveraged: false),
            StrategyFamily.HedgedLeveragedStaking => ReadHedgedStaking(reader, venues, leveraged: true),
            _ => throw new InvalidOperationException($"Mode {mode.Name} is not implemented."),
        };

        return new ModeSettings(mode.Name, mode.ShareClass, description, targetApy, maxDrawdown, prices, fallbacks, parameters, flows);
    }

    private static LeveragedStakingParameters ReadLeveragedStaking(ConfigReader reader, VenueSettings venues)
    {
        var lst = reader.Enum<LstToken>("lst_type");
        return new LeveragedStakingParameters(
            ReadLeverage(reader, lst, venues),
            reader.Required<double>("position_deviation_threshold", 0, 1),
            reader.Optional("risk_management", true),
            ReadRewards(reader, lst));
    }

    private static HedgedStakingParameters ReadHedgedStaking(ConfigReader reader, VenueSettings venues, bool leveraged)
    {
        var lst = reader.Enum<LstToken>("lst_type");
        var stake = reader.Required<double>("stake_allocation_percentage", 0.05, 0.95);
        var allocation = ReadHedgeAllocation(reader);
        var topUp = reader.Required<double>("margin_topup_threshold", 0, 10);
        var excess = reader.Required<double>("margin_excess_threshold", 0, 100);
        var entryRatio = (1 - stake) / stake;
        if (!reader.HasErrors && !(topUp < entryRatio && entryRatio < excess))
        {
            reader.AddError("margin_topup_threshold", $"the margin ratio at entry, (1 − stake_allocation_percentage) / stake_allocation_percentage = {entryRatio:0.####}, must lie between margin_topup_threshold ({topUp}) and margin_excess_threshold ({excess})");
        }

        RequireTopUpAboveMaintenance(reader, allocation, topUp, venues);
        return new HedgedStakingParameters(
            lst,
            stake,
            allocation,
            reader.Required<double>("max_delta_drift", 0, 1),
            topUp,
            excess,
            reader.Required<double>("position_deviation_threshold", 0, 1),
            leveraged ? ReadLeverage(reader, lst, venues) : null,
            reader.Optional("risk_management", true));
    }

    /// <summary>
    /// The loop's keys. λ is <c>target_ltv</c> when given, else eMode max LTV × (1 − max_stake_spread_move); it must
    /// leave room below the max LTV, its health factor must clear <c>hf_floor</c>, and the band's top must stay
    /// below the liquidation threshold.
    /// </summary>
    private static LeverageParameters ReadLeverage(ConfigReader reader, LstToken lst, VenueSettings venues)
    {
        var emode = venues.Aave.EMode;
        var spread = reader.Required<double>("max_stake_spread_move", 0, 0.5);
        var target = reader.Has("target_ltv") ? reader.Required<double>("target_ltv", 0.01, 0.99) : LeverageParameters.DefaultTargetLtv(emode.MaxLtv, spread);
        var band = reader.Required<double>("ltv_band", 0.001, 0.5);
        var floor = reader.Required<double>("hf_floor", 1.0001, 5);
        if (!reader.HasErrors)
        {
            if (target >= emode.MaxLtv)
            {
                reader.AddError("target_ltv", $"must be below the eMode max LTV {emode.MaxLtv} (got {target})");
            }
            else if (emode.LiquidationThreshold / target <= floor)
            {
                reader.AddError("hf_floor", $"must be below the health factor at the target LTV, {emode.LiquidationThreshold} / {target:0.######} = {emode.LiquidationThreshold / target:0.####}, or every leverage group is rejected (got {floor})");
            }
            else if (target + band >= emode.LiquidationThreshold || target - band <= 0)
            {
                reader.AddError("ltv_band", $"the band {target:0.######} ± {band} must stay between 0 and the liquidation threshold {emode.LiquidationThreshold}");
            }
        }

        return new LeverageParameters(lst, target, spread, band, floor);
    }

    private static SeasonalRewardsParameters ReadRewards(ConfigReader reader, LstToken lst)
    {
        var rewards = reader.OptionalChild("seasonal_rewards") is { } child
            ? new SeasonalRewardsParameters(
                child.Optional("enabled", false),
                child.Optional("include_estimated", false),
                child.Optional("dust_threshold", 0.002, 0, 1))
            : new SeasonalRewardsParameters(false, false, 0.002);
        if (rewards.Enabled && lst != LstToken.WeEth)
        {
            reader.AddError("seasonal_rewards.enabled", $"EtherFi seasonal rewards need lst_type: weETH (got {lst.Symbol()})");
        }

        return rewards;
    }

    private static HedgeAllocation ReadHedgeAllocation(ConfigReader reader)
    {
        var allocation = reader.OptionalChild("hedge_allocation") is { } split
            ? new HedgeAllocation(split.Required<double>("binance", 0, 1), split.Required<double>("bybit", 0, 1), split.Required<double>("okx", 0, 1))
            : HedgeAllocation.Default;
        var sum = allocation.Binance + allocation.Bybit + allocation.Okx;
        if (!reader.HasErrors && Math.Abs(sum - 1) > Tolerance)
        {
            reader.AddError("hedge_allocation", $"weights must sum to 1 (got {sum} = binance {allocation.Binance} + bybit {allocation.Bybit} + okx {allocation.Okx}); to skip a venue set all three, e.g. --set \"hedge_allocation={{binance: 0.5, bybit: 0.5, okx: 0}}\"");
        }

        return allocation;
    }

    private static void RequireTopUpAboveMaintenance(ConfigReader reader, HedgeAllocation allocation, double topUp, VenueSettings venues)
    {
        foreach (var venue in allocation.ActiveVenues)
        {
            if (venues.Exchanges.TryGetValue(venue, out var exchange) && topUp <= exchange.MaintenanceMargin)
            {
                reader.AddError("margin_topup_threshold", $"must be above {venue.Name()}'s maintenance margin ({exchange.MaintenanceMargin}), or the venue liquidates before the strategy tops up (got {topUp})");
            }
        }
    }

    private static IReadOnlyList<CapitalFlow> ReadFlows(ConfigReader reader) =>
        reader.Has("capital_flows")
            ? reader.Sequence("capital_flows", item =>
            {
                var flow = item.AsMapping();
                var time = flow.Required<DateTime>("time");
                var amount = flow.Required<double>("amount", -1e15, 1e15);
                if (amount == 0)
                {
                    flow.AddError("amount", "a flow of 0 does nothing; positive deposits, negative withdrawals");
                }

                return new CapitalFlow(time, amount);
            })
            : [];

    private static LendingParameters ReadLending(ConfigReader reader) =>
        new(OneOf(reader, "asset", Asset.Usdt, Asset.Eth), reader.Required<double>("position_deviation_threshold", 0, 1));

    private static StakingParameters ReadStaking(ConfigReader reader)
    {
        var lst = reader.Enum<LstToken>("lst_type");
        var threshold = reader.Required<double>("position_deviation_threshold", 0, 1);
        return new StakingParameters(lst, threshold, ReadRewards(reader, lst));
    }

    private static BasisParameters ReadBasis(ConfigReader reader, IReadOnlyDictionary<Asset, SeriesId> prices, VenueSettings venues)
    {
        var asset = OneOf(reader, "asset", Asset.Btc, Asset.Eth);
        var spotVenue = OneOf(reader, "spot_venue", Venue.Binance, Venue.Bybit, Venue.Okx);
        var allocation = ReadHedgeAllocation(reader);
        var margin = reader.Required<double>("margin_fraction", 0.01, 1);
        var topUp = reader.Required<double>("margin_topup_threshold", 0, 1);
        var excess = reader.Required<double>("margin_excess_threshold", 0, 10);
        if (!reader.HasErrors && !(topUp < margin && margin < excess))
        {
            reader.AddError("margin_fraction", $"must lie between margin_topup_threshold ({topUp}) and margin_excess_threshold ({excess}), got {margin}");
        }

        RequireTopUpAboveMaintenance(reader, allocation, topUp, venues);
        var expectedPrice = $"spot/{spotVenue.Name()}/{asset.Symbol()}USDT";
        if (!reader.HasErrors && (!prices.TryGetValue(asset, out var price) || price.Value != expectedPrice))
        {
            reader.AddError($"prices.{asset.Symbol()}", $"must be {expectedPrice}: the spot leg is valued where it is held (spot_venue: {spotVenue.Name()})");
        }

        return new BasisParameters(asset, spotVenue, allocation, margin, topUp, excess,
            reader.Required<double>("max_delta_drift", 0, 1),
            reader.Required<double>("position_deviation_threshold", 0, 1));
    }

    private static IReadOnlyDictionary<Asset, SeriesId> ReadPrices(ConfigReader reader)
    {
        var prices = new Dictionary<Asset, SeriesId>();
        foreach (var (symbol, id) in reader.Map("prices", v => PriceSeries(v)))
        {
            if (!AssetNames.TryParseAsset(symbol, out var asset) || asset is not (Asset.Eth or Asset.Btc))
            {
                reader.AddError($"prices.{symbol}", "prices are set for ETH and BTC (USDT is the numeraire; reward tokens use their Uniswap pools)");
                continue;
            }

            if (id is { } series)
            {
                prices[asset] = series;
            }
        }

        return prices;
    }

    private static SeriesId? PriceSeries(ConfigValue value)
    {
        var text = value.AsString();
        if (!SeriesId.TryParse(text, out var id, out var error))
        {
            value.AddError(error);
            return null;
        }

        if (id.Kind is not (SeriesKind.Spot or SeriesKind.Perp or SeriesKind.Oracle))
        {
            value.AddError($"'{text}' is not a price series (use spot/..., perp/... or oracle/...)");
            return null;
        }

        return id;
    }

    private static IReadOnlyDictionary<SeriesId, IReadOnlyList<SeriesId>> ReadFallbacks(ConfigReader reader)
    {
        var result = new Dictionary<SeriesId, IReadOnlyList<SeriesId>>();
        if (!reader.Has("data_fallbacks"))
        {
            return result;
        }

        foreach (var (primaryText, fallbacks) in reader.Map("data_fallbacks", v => v.AsSequence(f => f.AsString())))
        {
            var key = $"data_fallbacks.{primaryText}";
            if (!SeriesId.TryParse(primaryText, out var primary, out var error))
            {
                reader.AddError(key, error);
                continue;
            }

            if (primary.Kind is SeriesKind.Funding or SeriesKind.Rewards)
            {
                reader.AddError(key, "funding and rewards cannot fall back to another venue's data: they are what the strategy earns");
                continue;
            }

            var list = new List<SeriesId>();
            foreach (var text in fallbacks)
            {
                if (!SeriesId.TryParse(text, out var fallback, out error))
                {
                    reader.AddError(key, error);
                }
                else if (fallback.Kind != primary.Kind || fallback == primary)
                {
                    reader.AddError(key, $"'{text}' cannot stand in for {primary}: a fallback is another series of the same kind");
                }
                else
                {
                    list.Add(fallback);
                }
            }

            result[primary] = list;
        }

        return result;
    }

    private static T OneOf<T>(ConfigReader reader, string key, params T[] allowed)
        where T : struct, Enum
    {
        var value = reader.Enum<T>(key);
        if (!reader.HasErrors && !allowed.Contains(value))
        {
            reader.AddError(key, $"must be one of {string.Join(", ", allowed.Select(Name))} (got {Name(value)})");
        }

        return value;
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value switch
        {
            Asset asset => asset.Symbol(),
            Venue venue => venue.Name(),
            _ => value.ToString(),
        };
}
