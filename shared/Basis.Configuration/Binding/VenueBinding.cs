using Basis.Configuration.Loading;
using Basis.Configuration.Reading;
using Basis.Configuration.Tree;
using Basis.Core.Costs;
using Basis.Core.Instruments;
using Basis.Core.Settings;

namespace Basis.Configuration.Binding;

/// <summary>Binds configs/venues/*.yaml and configs/execution_costs.yaml into <see cref="VenueSettings"/>.</summary>
internal static class VenueBinding
{
    private const double MaxBps = 1_000;

    /// <summary>The files this binding reads, relative to the configs folder.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "venues/binance.yaml", "venues/bybit.yaml", "venues/okx.yaml", "venues/ethereum.yaml",
        "venues/aave_v3.yaml", "venues/etherfi.yaml", "venues/lido.yaml", "execution_costs.yaml",
    ];

    /// <summary>Loads and validates every venue file; throws one <see cref="ConfigException"/> listing all errors.</summary>
    public static (VenueSettings Settings, IReadOnlyList<ConfigNode> Trees) Load(string configsDirectory)
    {
        var paths = Files.Select(f => Path.Combine(configsDirectory, f)).ToList();
        var missing = paths.Where(p => !File.Exists(p)).Select(p => new ConfigError(ConfigSource.InFile(p), string.Empty, "file is missing")).ToList();
        ConfigException.ThrowIfAny(missing);
        var trees = YamlConfigFile.LoadAll(paths);
        var errors = new List<ConfigError>();

        var costs = Collect(errors, () => ConfigReader.Bind(trees[7], ReadExecutionCosts));
        var exchanges = new Dictionary<Venue, ExchangeSettings>();
        foreach (var (venue, tree) in new[] { (Venue.Binance, trees[0]), (Venue.Bybit, trees[1]), (Venue.Okx, trees[2]) })
        {
            if (Collect(errors, () => ConfigReader.Bind(tree, r => ReadExchange(r, venue))) is { } exchange)
            {
                exchanges[venue] = exchange;
            }
        }

        var gas = Collect(errors, () => ConfigReader.Bind(trees[3], ReadGas));
        var aave = Collect(errors, () => ConfigReader.Bind(trees[4], ReadAave));
        var lsts = new Dictionary<LstToken, LstSettings>();
        foreach (var (lst, venue, tree) in new[] { (LstToken.WeEth, "etherfi", trees[5]), (LstToken.WstEth, "lido", trees[6]) })
        {
            if (Collect(errors, () => ConfigReader.Bind(tree, r => ReadLst(r, lst, venue, costs))) is { } settings)
            {
                lsts[lst] = settings;
            }
        }

        ConfigException.ThrowIfAny(errors);
        return (new VenueSettings(exchanges, gas!, costs!.Slippage, costs.PoolFees, aave!, lsts), trees);
    }

    private static T? Collect<T>(List<ConfigError> errors, Func<T> bind)
        where T : class
    {
        try
        {
            return bind();
        }
        catch (ConfigException exception)
        {
            errors.AddRange(exception.Errors);
            return null;
        }
    }

    private static void RequireIdentity(ConfigReader reader, string venue, string type)
    {
        if (reader.RequiredString("venue") is var name && name.Length > 0 && name != venue)
        {
            reader.AddError("venue", $"must be '{venue}' to match the file name (got '{name}')");
        }

        if (reader.RequiredString("type") is var kind && kind.Length > 0 && kind != type)
        {
            reader.AddError("type", $"must be '{type}' (got '{kind}')");
        }
    }

    private static ExchangeSettings ReadExchange(ConfigReader reader, Venue venue)
    {
        RequireIdentity(reader, venue.Name(), "cex");
        var spot = reader.Child("spot");
        var perp = reader.Child("perp");
        return new ExchangeSettings(
            venue,
            new TradingFees(spot.Required<double>("maker_fee_bps", -MaxBps, MaxBps), spot.Required<double>("taker_fee_bps", 0, MaxBps)),
            new TradingFees(perp.Required<double>("maker_fee_bps", -MaxBps, MaxBps), perp.Required<double>("taker_fee_bps", 0, MaxBps)),
            perp.Required<double>("maintenance_margin", 0, 0.5),
            perp.Required<double>("liquidation_fee_bps", 0, MaxBps),
            reader.Required<double>("usdt_withdrawal_fee", 0, 1_000));
    }

    private static GasSettings ReadGas(ConfigReader reader)
    {
        RequireIdentity(reader, "ethereum", "chain");
        var units = reader.Child("gas_units");
        var byOperation = Enum.GetValues<GasOperation>().ToDictionary(op => op, op => units.Required<int>(SnakeCase(op), 21_000, 30_000_000));
        return new GasSettings(byOperation);
    }

    private static AaveSettings ReadAave(ConfigReader reader)
    {
        RequireIdentity(reader, "aave_v3", "lending");
        var emode = reader.Child("emode");
        var maxLtv = emode.Required<double>("max_ltv", 0, 1);
        var threshold = emode.Required<double>("liquidation_threshold", 0, 1);
        if (maxLtv >= threshold && !emode.HasErrors)
        {
            emode.AddError("max_ltv", $"must be below liquidation_threshold ({threshold}), got {maxLtv}");
        }

        return new AaveSettings(
            new EModeSettings(maxLtv, threshold, emode.Required<double>("liquidation_bonus", 0, 0.5)),
            reader.Required<double>("close_factor", 0.01, 1),
            reader.Required<double>("full_close_health_factor", 0, 1),
            reader.Required<double>("flash_loan_fee_bps", 0, MaxBps));
    }

    private static LstSettings ReadLst(ConfigReader reader, LstToken lst, string venue, ExecutionCosts? costs)
    {
        RequireIdentity(reader, venue, "staking");
        if (reader.RequiredString("lst") is var name && name.Length > 0 && name != lst.Symbol())
        {
            reader.AddError("lst", $"must be '{lst.Symbol()}' (got '{name}')");
        }

        var pair = reader.RequiredString("dex_pair");
        if (costs is not null && pair.Length > 0 && (!costs.Slippage.Pairs.Contains(pair) || !costs.PoolFees.ContainsKey(pair)))
        {
            reader.AddError("dex_pair", $"'{pair}' needs slippage_bps and dex_pool_fees_bps entries in execution_costs.yaml");
        }

        return new LstSettings(lst, reader.Required<double>("unstake_days", 0, 60), pair);
    }

    private static ExecutionCosts ReadExecutionCosts(ConfigReader reader)
    {
        var limits = reader.Sequence("bucket_limits_usd", v => v.As<double>(1, 1e12));
        for (var i = 1; i < limits.Count; i++)
        {
            if (limits[i] <= limits[i - 1])
            {
                reader.AddError("bucket_limits_usd", "limits must increase");
            }
        }

        var slippage = reader.Map("slippage_bps", v =>
        {
            var bps = v.AsSequence(b => b.As<double>(0, MaxBps));
            if (bps.Count != limits.Count + 1)
            {
                v.AddError($"needs {limits.Count + 1} values, one per bucket (≤ {string.Join(", ≤ ", limits)}, larger), got {bps.Count}");
            }

            return (IReadOnlyList<SlippageBucket>)bps.Select((b, i) => new SlippageBucket(i < limits.Count ? limits[i] : double.PositiveInfinity, b)).ToList();
        });
        var poolFees = reader.Map("dex_pool_fees_bps", v => v.As<double>(0, MaxBps));
        var table = reader.HasErrors ? new SlippageTable(new Dictionary<string, IReadOnlyList<SlippageBucket>>()) : new SlippageTable(slippage);
        return new ExecutionCosts(table, poolFees);
    }

    /// <summary><see cref="GasOperation.StakeDeposit"/> → <c>stake_deposit</c>.</summary>
    internal static string SnakeCase<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    private sealed record ExecutionCosts(SlippageTable Slippage, IReadOnlyDictionary<string, double> PoolFees);
}
