using Basis.Configuration.Reading;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;

namespace Basis.Configuration.Binding;

/// <summary>
/// Binds a mode's merged tree (configs/modes/{mode}.yaml with <c>--set</c> overrides) into <see cref="ModeSettings"/>:
/// the keys every mode has here, then the family's own keys by its binding (<see cref="StrategyFamily.Bind"/>), so
/// a key another family uses is reported as unknown.
/// </summary>
internal static class ModeBinding
{
    /// <summary>Binds the mode; the family's settings, with their types and bounds, are added to <paramref name="ranges"/>.</summary>
    public static ModeSettings Read(ConfigReader reader, StrategyMode mode, VenueSettings venues, List<ParameterRange> ranges)
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
        var family = mode.Family ?? throw new InvalidOperationException($"Mode {mode.Name} is not implemented.");
        var parameters = family.Bind(new ModeParameterReader(reader, ranges), new ParameterContext(prices, venues));

        return new ModeSettings(mode.Name, mode.ShareClass, description, targetApy, maxDrawdown, prices, fallbacks, parameters, flows);
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
}
