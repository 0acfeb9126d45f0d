using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Strategies;
using Basis.Core.Tests.Support;

namespace Basis.Core.Tests.Strategies;

public sealed class StrategyFamiliesTests
{
    [Fact]
    public void Every_implemented_mode_names_a_listed_family_and_every_family_has_a_mode()
    {
        var used = StrategyCatalog.Implemented.Select(m => m.Family!).Distinct().ToList();

        Assert.All(used, family => Assert.Contains(family, StrategyFamilies.All));
        Assert.Equal(StrategyFamilies.All.Count, used.Count);
        Assert.Equal(StrategyFamilies.All.Count, StrategyFamilies.All.Select(f => f.Name).Distinct().Count());
    }

    [Fact]
    public void A_strategy_is_made_by_the_family_whose_parameters_the_settings_hold()
    {
        var lending = TestSettings.Mode("any_name", ShareClass.Usdt, new LendingParameters(Asset.Usdt, 0.02));

        Assert.IsType<PureLendingStrategy>(StrategyCatalog.Create(lending));
    }

    [Fact]
    public void A_family_binds_its_keys_through_the_core_reader_and_reports_bad_values_on_it()
    {
        var context = new ParameterContext(new Dictionary<Asset, SeriesId>(), TestSettings.Venues());

        var good = new DictionaryReader(new() { ["asset"] = "USDT", ["position_deviation_threshold"] = "0.05" });
        Assert.Equal(new LendingParameters(Asset.Usdt, 0.05), StrategyFamilies.Lending.Bind(good, context));
        Assert.Empty(good.Errors);

        var bad = new DictionaryReader(new() { ["asset"] = "BTC", ["position_deviation_threshold"] = "0.05" });
        StrategyFamilies.Lending.Bind(bad, context);
        Assert.Equal("asset", Assert.Single(bad.Errors).Key);
    }

    /// <summary>The least a configuration layer must do: flat keys, no bounds, errors kept by key.</summary>
    private sealed class DictionaryReader(Dictionary<string, string> values) : IParameterReader
    {
        public List<KeyValuePair<string, string>> Errors { get; } = [];

        public bool HasErrors => Errors.Count > 0;

        public bool Has(string key) => values.ContainsKey(key);

        public T Required<T>(string key, T? min = null, T? max = null)
            where T : struct, IComparable<T> => (T)Convert.ChangeType(values[key], typeof(T), CultureInfo.InvariantCulture);

        public T OptionalWithDefault<T>(string key, T defaultValue, T? min = null, T? max = null)
            where T : struct, IComparable<T> => Has(key) ? Required<T>(key) : defaultValue;

        public T RequiredEnum<T>(string key, params T[] choices)
            where T : struct, Enum => Enum.Parse<T>(values[key], ignoreCase: true);

        public IParameterReader? OptionalChild(string key) => null;

        public void AddError(string key, string message) => Errors.Add(new(key, message));
    }
}
