using Basis.Configuration.Loading;
using Basis.Configuration.Reading;
using Basis.Configuration.Tree;
using Basis.Core.Instruments;
using Basis.Core.Stress;

namespace Basis.Configuration.Binding;

/// <summary>
/// Reads stress shocks from <c>--stress kind=size,at=…,hours=…</c> arguments and from scenario files
/// (<c>shocks:</c>, a list of the same mappings). Each shock names one kind:
/// <list type="bullet">
/// <item><c>lst_depeg=0.05, at, hours[, lst=weETH][, oracle=false]</c>: the discount ramps to 5% over <c>hours</c> and
/// holds; <c>oracle=false</c> moves only the DEX market rate, not the value AAVE uses.</item>
/// <item><c>funding_flip, at, hours</c> (rates become −|rate|) or <c>funding=-0.0003, at, hours</c> (rates set).</item>
/// <item><c>borrow_spike=0.5, at, hours[, reserve=WETH]</c>: +50% APR on the reserve's borrow rate.</item>
/// <item><c>eth_shock=-0.15, at</c> or <c>btc_shock=0.1, at</c>: a jump that stays.</item>
/// </list>
/// </summary>
public static class StressBinding
{
    private static readonly string[] Kinds = ["lst_depeg", "funding_flip", "funding", "borrow_spike", "eth_shock", "btc_shock"];

    /// <summary>Parses one <c>--stress</c> argument.</summary>
    public static MarketShock Parse(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var source = ConfigSource.FromOrigin($"--stress {argument}");
        var entries = argument.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = equals < 0 ? (part, "true") : (part[..equals].Trim(), part[(equals + 1)..].Trim());
            return new ConfigEntry(key, source, new ConfigScalar(value, source));
        });
        return ConfigReader.Bind(new ConfigMapping(entries, source), Read);
    }

    /// <summary>Loads a scenario file: <c>shocks:</c> followed by a list of shocks.</summary>
    public static IReadOnlyList<MarketShock> LoadScenario(string path) =>
        File.Exists(path)
            ? ConfigReader.Bind(YamlConfigFile.Load(path), reader => reader.Sequence("shocks", item => Read(item.AsMapping())))
            : throw new ConfigException([new ConfigError(ConfigSource.InFile(path), string.Empty, "scenario file is missing")]);

    private static MarketShock Read(ConfigReader reader)
    {
        var kinds = Kinds.Where(reader.Has).ToList();
        if (kinds.Count != 1)
        {
            reader.AddError($"a shock names exactly one kind of {string.Join(", ", Kinds)} (found {(kinds.Count == 0 ? "none" : string.Join(", ", kinds))})");
            reader.IgnoreKeys(reader.Keys);
            return new PriceShock(Asset.Eth, 0, DateTime.UnixEpoch);
        }

        var at = reader.Required<DateTime>("at");
        return kinds[0] switch
        {
            "lst_depeg" => new LstDepegShock(
                reader.OptionalString("lst") is { } lst && AssetNames.TryParseLst(lst, out var token) ? token : LstOrError(reader),
                reader.Required<double>("lst_depeg", 0.0001, 0.99),
                at,
                reader.Required<int>("hours", 1, 24 * 366),
                reader.Optional("oracle", true)),
            "funding_flip" => Flip(reader, at),
            "funding" => new FundingShock(at, reader.Required<int>("hours", 1, 24 * 366), reader.Required<double>("funding", -0.05, 0.05)),
            "borrow_spike" => new BorrowRateShock(
                reader.OptionalString("reserve", "WETH")!,
                reader.Required<double>("borrow_spike", 0, 10),
                at,
                reader.Required<int>("hours", 1, 24 * 366)),
            "eth_shock" => new PriceShock(Asset.Eth, reader.Required<double>("eth_shock", -0.99, 10), at),
            _ => new PriceShock(Asset.Btc, reader.Required<double>("btc_shock", -0.99, 10), at),
        };
    }

    private static FundingShock Flip(ConfigReader reader, DateTime at)
    {
        if (!reader.Required<bool>("funding_flip"))
        {
            reader.AddError("funding_flip", "write funding_flip (or funding_flip=true); to set rates use funding=<rate>");
        }

        return new FundingShock(at, reader.Required<int>("hours", 1, 24 * 366), null);
    }

    private static LstToken LstOrError(ConfigReader reader)
    {
        if (reader.Has("lst"))
        {
            reader.AddError("lst", "must be weETH or wstETH");
        }

        return LstToken.WeEth;
    }
}
