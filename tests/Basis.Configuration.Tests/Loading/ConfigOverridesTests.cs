using Basis.Configuration.Loading;
using Basis.Configuration.Tree;

namespace Basis.Configuration.Tests.Loading;

public sealed class ConfigOverridesTests
{
    [Theory]
    [InlineData("hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}", "{hedge_allocation: {binance: 0.5, bybit: 0.5, okx: 0}}")]
    [InlineData("x=[1,2]", "{x: [1, 2]}")]
    [InlineData("flag=true", "{flag: true}")]
    [InlineData("n=0.25", "{n: 0.25}")]
    [InlineData("s=text", "{s: text}")]
    [InlineData("s=two words", "{s: two words}")]
    [InlineData("s=\"0.25\"", "{s: \"0.25\"}")]
    [InlineData("s=a=b", "{s: a=b}")]
    [InlineData("x=", "{x: ~}")]
    [InlineData("x=~", "{x: ~}")]
    [InlineData(" a.b.c = 1", "{a: {b: {c: 1}}}")]
    public void Every_value_shape_parses_as_yaml_flow(string assignment, string expected)
    {
        var overrides = ConfigOverrides.Parse([assignment]);

        Assert.Equal(expected, overrides.ToString());
    }

    [Fact]
    public void Quoted_value_stays_text_and_plain_value_is_implicitly_typed()
    {
        var overrides = ConfigOverrides.Parse(["quoted='1.0'", "plain=1.0"]);

        Assert.True(overrides.TryGetValue("quoted", out var quoted));
        Assert.False(((ConfigScalar)quoted).IsImplicitlyTyped);
        Assert.True(overrides.TryGetValue("plain", out var plain));
        Assert.True(((ConfigScalar)plain).IsImplicitlyTyped);
    }

    [Fact]
    public void Assignments_sharing_a_prefix_nest_into_one_mapping_in_first_seen_order()
    {
        var overrides = ConfigOverrides.Parse(["hedge_allocation.okx=0", "target_ltv=0.6", "hedge_allocation.binance=1"]);

        Assert.Equal("{hedge_allocation: {okx: 0, binance: 1}, target_ltv: 0.6}", overrides.ToString());
    }

    [Fact]
    public void Every_node_of_a_value_is_sourced_as_the_set_flag_that_wrote_it()
    {
        var overrides = ConfigOverrides.Parse(["hedge_allocation={binance: 0.5, okx: 0}"]);

        Assert.True(overrides.TryGetValue("hedge_allocation", out var hedge));
        var okx = ((ConfigMapping)hedge).Entries[1];
        Assert.Equal("--set hedge_allocation={binance: 0.5, okx: 0}", okx.Value.Source.ToString());
        Assert.Equal(0, okx.Value.Source.Line);
    }

    [Fact]
    public void A_path_and_a_key_inside_it_conflict()
    {
        var exception = Assert.Throws<ConfigException>(() => ConfigOverrides.Parse(["a=1", "a.b=2"]));

        Assert.Equal("--set a.b=2: a.b: conflicts with '--set a=1': a path may be set once, and not together with a key inside it", exception.Message);
    }

    [Fact]
    public void The_same_path_set_twice_conflicts_rather_than_last_wins()
    {
        var exception = Assert.Throws<ConfigException>(() => ConfigOverrides.Parse(["x.y=1", "x.y=2"]));

        Assert.Equal("--set x.y=2: x.y: conflicts with '--set x.y=1': a path may be set once, and not together with a key inside it", exception.Message);
    }

    [Fact]
    public void Sibling_paths_do_not_conflict()
    {
        var overrides = ConfigOverrides.Parse(["a.b=1", "a.bc=2"]);

        Assert.Equal("{a: {b: 1, bc: 2}}", overrides.ToString());
    }

    [Fact]
    public void Every_malformed_assignment_is_reported_together()
    {
        var exception = Assert.Throws<ConfigException>(() => ConfigOverrides.Parse(
            ["no_equals", "=1", "a..b=1", ".a=1", "x=[1, 2", "y=a: b", "z=#note", "ok=1"]));

        Assert.Equal(
            [
                "--set no_equals: expected key=value (no '=' found)",
                "--set =1: the key before '=' is empty",
                "--set a..b=1: a..b: the key has an empty segment (check for '..' or a leading or trailing '.')",
                "--set .a=1: .a: the key has an empty segment (check for '..' or a leading or trailing '.')",
                "--set x=[1, 2: x: YAML syntax error: While parsing a flow sequence, did not find expected ',' or ']'.",
                "--set y=a: b: y: the value parses as a multi-line YAML mapping; write it in flow style like {a: 1, b: 2}, or quote it to mean text",
                "--set z=#note: z: the value is a YAML comment; quote it to mean text",
            ],
            exception.Errors.Select(e => e.ToString()));
    }
}
