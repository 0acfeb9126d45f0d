using Basis.Configuration.Loading;
using Basis.Configuration.Reading;
using Basis.Configuration.Tree;

namespace Basis.Configuration.Tests.Reading;

public sealed class ConfigReaderTests
{
    public enum ShareClass
    {
        UsdtMarketNeutral,
        EthDirectional,
    }

    private const string File = "configs/modes/eth_basis.yaml";

    [Fact]
    public void Typed_values_read_from_plain_scalars_with_the_invariant_culture()
    {
        var reader = Reader("""
            mode: eth_basis
            target_ltv: 0.7
            max_positions: 12
            notional_usd: 1e6
            fee_bps: "2.5"
            rebalance: true
            start: 2024-01-01
            until: 2024-06-30T12:00:00Z
            share_class: usdt_market_neutral
            """);

        Assert.Equal("eth_basis", reader.RequiredString("mode"));
        Assert.Equal(0.7, reader.Required<double>("target_ltv", min: 0, max: 1));
        Assert.Equal(12, reader.Required<int>("max_positions"));
        Assert.Equal(1_000_000m, reader.Required<decimal>("notional_usd"));
        Assert.Equal("2.5", reader.RequiredString("fee_bps"));
        Assert.True(reader.Required<bool>("rebalance"));
        Assert.Equal(new DateOnly(2024, 1, 1), reader.Required<DateOnly>("start"));
        Assert.Equal(new DateTime(2024, 6, 30, 12, 0, 0, DateTimeKind.Utc), reader.Required<DateTime>("until"));
        Assert.Equal(ShareClass.UsdtMarketNeutral, reader.Enum<ShareClass>("share_class"));
        reader.RejectUnknownKeys();
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public void Value_outside_its_range_is_reported_with_the_bounds_and_what_was_written()
    {
        var reader = Reader("""
            hedge_allocation:
              okx: 1.5
            floor: -1
            cap: 7
            """);

        reader.Map("hedge_allocation", v => v.As<double>(min: 0, max: 1));
        reader.Required<int>("floor", min: 0);
        reader.Required<int>("cap", max: 5);

        Assert.Equal(
            [
                $"{File}:2: hedge_allocation.okx: must be between 0 and 1 (got 1.5)",
                $"{File}:3: floor: must be at least 0 (got -1)",
                $"{File}:4: cap: must be at most 5 (got 7)",
            ],
            Messages(reader));
    }

    [Fact]
    public void Enum_error_lists_the_allowed_values_in_snake_case_and_suggests_the_closest()
    {
        var reader = Reader("share_class: usdt_market_nuetral\n");

        reader.Enum<ShareClass>("share_class");

        Assert.Equal(
            [$"{File}:1: share_class: 'usdt_market_nuetral' is not one of: usdt_market_neutral, eth_directional (did you mean 'usdt_market_neutral'?)"],
            Messages(reader));
    }

    [Theory]
    [InlineData("USDT_MARKET_NEUTRAL")]
    [InlineData("UsdtMarketNeutral")]
    [InlineData("usdt-market-neutral")]
    public void Enum_matches_ignoring_case_and_separators(string written)
    {
        var reader = Reader($"share_class: {written}\n");

        Assert.Equal(ShareClass.UsdtMarketNeutral, reader.Enum<ShareClass>("share_class"));
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public void Enum_refuses_member_numbers()
    {
        var reader = Reader("share_class: 1\n");

        reader.Enum<ShareClass>("share_class");

        Assert.Equal([$"{File}:1: share_class: '1' is not one of: usdt_market_neutral, eth_directional"], Messages(reader));
    }

    [Fact]
    public void Unknown_key_error_suggests_the_closest_valid_key()
    {
        var reader = Reader("""
            hedge_allocation:
              binance: 0.5
              okxx: 0.5
            """);

        var hedge = reader.Child("hedge_allocation");
        hedge.Optional("binance", 0.0);
        hedge.Optional("bybit", 0.0);
        hedge.Optional("okx", 0.0);
        reader.RejectUnknownKeys();

        Assert.Equal(
            [$"{File}:3: hedge_allocation.okxx: unknown key; did you mean 'okx'? Valid keys: binance, bybit, okx"],
            Messages(reader));
    }

    [Fact]
    public void Unknown_key_without_a_near_match_lists_the_valid_keys_only()
    {
        var reader = Reader("mode: x\nleverage: 3\n");

        reader.RequiredString("mode");
        reader.Optional("target_ltv", 0.5);
        reader.RejectUnknownKeys();

        Assert.Equal([$"{File}:2: leverage: unknown key; valid keys: mode, target_ltv"], Messages(reader));
    }

    [Fact]
    public void Unknown_keys_are_found_in_lists_of_mappings_and_ignored_keys_are_accepted()
    {
        var reader = Reader("""
            description: free text for humans
            venues:
              - name: aave
                kind: lending
              - name: okx
                knid: perp
            """);

        reader.IgnoreKeys("description");
        reader.Sequence("venues", item =>
        {
            var venue = item.AsMapping();
            return (venue.RequiredString("name"), venue.OptionalString("kind", "spot"));
        });
        reader.RejectUnknownKeys();

        Assert.Equal([$"{File}:6: venues[1].knid: unknown key; did you mean 'kind'? Valid keys: kind, name"], Messages(reader));
    }

    [Fact]
    public void Type_mismatch_names_the_expected_type_and_what_was_found()
    {
        var reader = Reader("""
            target_ltv: abc
            max_positions: 1.5
            fee: "0.5"
            rebalance: yes
            hedge_allocation: [binance, okx]
            venues: {aave: 1}
            mode: {name: x}
            rate: 1,5
            """);

        reader.Required<double>("target_ltv");
        reader.Required<int>("max_positions");
        reader.Required<double>("fee");
        reader.Required<bool>("rebalance");
        reader.Map("hedge_allocation", v => v.As<double>());
        reader.Sequence("venues", v => v.AsString());
        reader.RequiredString("mode");
        reader.Required<double>("rate");

        Assert.Equal(
            [
                $"{File}:1: target_ltv: expected a number, got 'abc'",
                $"{File}:2: max_positions: expected a whole number, got '1.5'",
                $"{File}:3: fee: expected a number, got the quoted text \"0.5\"; remove the quotes (or tag) to make it a value rather than text",
                $"{File}:4: rebalance: expected true or false, got 'yes'",
                $"{File}:5: hedge_allocation: expected a mapping, got a list",
                $"{File}:6: venues: expected a list, got a mapping",
                $"{File}:7: mode: expected text, got a mapping",
                $"{File}:8: rate: expected a number, got '1,5'",
            ],
            Messages(reader));
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_in_one_pass()
    {
        var root = YamlConfigFile.Parse("""
            mode: ""
            target_ltv: 1.2
            share_class: gold
            hedge_allocation: {binance: -0.1, okxx: 1}
            """, File);

        var exception = Assert.Throws<ConfigException>(() => ConfigReader.Bind(root, reader =>
        {
            var mode = reader.RequiredString("mode");
            var ltv = reader.Required<double>("target_ltv", min: 0, max: 1);
            var shareClass = reader.Enum<ShareClass>("share_class");
            var hedge = reader.Child("hedge_allocation");
            var weights = (hedge.Optional("binance", 0.0, min: 0), hedge.Optional("okx", 0.0, min: 0));
            var start = reader.Required<DateOnly>("start");
            return (mode, ltv, shareClass, weights, start);
        }));

        Assert.Equal(
            $"""
            {File}:1: mode: must not be empty
            {File}:2: target_ltv: must be between 0 and 1 (got 1.2)
            {File}:3: share_class: 'gold' is not one of: usdt_market_neutral, eth_directional
            {File}:4: hedge_allocation.binance: must be at least 0 (got -0.1)
            {File}:1: start: required key is missing
            {File}:4: hedge_allocation.okxx: unknown key; did you mean 'okx'? Valid keys: binance, okx
            """.ReplaceLineEndings("\n"),
            exception.Message);
    }

    [Fact]
    public void Null_optional_value_gives_the_default_and_null_required_value_is_an_error_where_it_was_nulled()
    {
        var overlay = ConfigOverrides.Parse(["slippage_bps=~", "target_ltv="]);
        var root = ConfigMerge.Merge(YamlConfigFile.Parse("slippage_bps: 3\ntarget_ltv: 0.7\n", File), overlay);
        var reader = new ConfigReader(root);

        Assert.Equal(5.0, reader.Optional("slippage_bps", 5.0));
        reader.Required<double>("target_ltv");

        Assert.Equal(["--set target_ltv=: target_ltv: has no value; expected a number"], Messages(reader));
    }

    [Fact]
    public void Error_in_an_overridden_value_names_the_set_flag_and_others_still_name_the_file()
    {
        var root = ConfigMerge.Merge(
            YamlConfigFile.Parse("hedge_allocation: {binance: 2, okx: 0.5}\n", File),
            ConfigOverrides.Parse(["hedge_allocation.okx=1.5"]));
        var reader = new ConfigReader(root);

        reader.Map("hedge_allocation", v => v.As<double>(min: 0, max: 1));

        Assert.Equal(
            [
                $"{File}:1: hedge_allocation.binance: must be between 0 and 1 (got 2)",
                "--set hedge_allocation.okx=1.5: hedge_allocation.okx: must be between 0 and 1 (got 1.5)",
            ],
            Messages(reader));
    }

    [Fact]
    public void Missing_child_mapping_is_reported_once_not_once_per_key_inside_it()
    {
        var reader = Reader("mode: x\n");

        reader.RequiredString("mode");
        var rewards = reader.Child("seasonal_rewards");
        rewards.Required<double>("apy");
        rewards.RequiredString("token");
        reader.RejectUnknownKeys();

        Assert.Equal([$"{File}:1: seasonal_rewards: required key is missing"], Messages(reader));
    }

    [Fact]
    public void Open_map_and_list_read_every_entry_with_its_path()
    {
        var reader = Reader("""
            hedge_allocation: {binance: 0.5, bybit: 0.25, okx: 0.25}
            windows: [2024-01-01, 2024-02-01]
            """);

        var hedge = reader.Map("hedge_allocation", v => v.As<double>());
        var windows = reader.Sequence("windows", v => v.As<DateOnly>());

        Assert.Equal(["binance", "bybit", "okx"], hedge.Keys);
        Assert.Equal(1.0, hedge.Values.Sum());
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1)], windows);
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public void Custom_rule_errors_point_at_the_value_or_the_key_they_concern()
    {
        var reader = Reader("""
            hedge_allocation:
              binance: 0.5
              kraken: 0.3
            """);

        var hedge = reader.Map("hedge_allocation", v =>
        {
            if (v.Key is not ("binance" or "okx"))
            {
                v.AddError("is not a configured venue; configured: binance, okx");
            }

            return v.As<double>();
        });
        if (Math.Abs(hedge.Values.Sum() - 1.0) > 1e-9)
        {
            reader.AddError("hedge_allocation", "weights must sum to 1 (got 0.8)");
        }

        Assert.Equal(
            [
                $"{File}:3: hedge_allocation.kraken: is not a configured venue; configured: binance, okx",
                $"{File}:2: hedge_allocation: weights must sum to 1 (got 0.8)",
            ],
            Messages(reader));
    }

    [Fact]
    public void A_child_read_in_two_places_checks_unknown_keys_against_both()
    {
        var reader = Reader("rewards: {apy: 0.03, token: ARB}\n");

        reader.Child("rewards").Required<double>("apy");
        reader.Child("rewards").RequiredString("token");
        reader.RejectUnknownKeys();

        Assert.Empty(reader.Errors);
    }

    [Fact]
    public void Root_that_is_not_a_mapping_is_an_error()
    {
        var reader = new ConfigReader(YamlConfigFile.Parse("- a\n- b\n", File));

        reader.RequiredString("mode");

        Assert.Equal([$"{File}:1: expected a mapping of keys at the top level, got a list"], Messages(reader));
    }

    private static ConfigReader Reader(string yaml) => new(YamlConfigFile.Parse(yaml, File));

    private static IEnumerable<string> Messages(ConfigReader reader) => reader.Errors.Select(e => e.ToString());
}
