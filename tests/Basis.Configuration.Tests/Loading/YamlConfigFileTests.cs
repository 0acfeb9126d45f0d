using Basis.Configuration.Loading;
using Basis.Configuration.Tree;

namespace Basis.Configuration.Tests.Loading;

public sealed class YamlConfigFileTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Every_node_records_the_file_line_and_column_it_was_written_at()
    {
        var path = _files.Write("modes/eth_basis.yaml", """
            mode: eth_basis
            target_ltv: 0.7
            hedge_allocation:
              binance: 0.5
              okx: 0.5
            venues: [aave, okx]
            """);

        var root = Assert.IsType<ConfigMapping>(YamlConfigFile.Load(path));

        Assert.Equal(["mode", "target_ltv", "hedge_allocation", "venues"], root.Keys);
        Assert.True(root.TryGetValue("hedge_allocation", out var hedge));
        Assert.True(((ConfigMapping)hedge).TryGetEntry("okx", out var okx));
        Assert.Equal(ConfigSource.InFile(path, 5, 3), okx.KeySource);
        Assert.Equal(ConfigSource.InFile(path, 5, 8), okx.Value.Source);
        Assert.True(root.TryGetValue("venues", out var venues));
        Assert.Equal(ConfigSource.InFile(path, 6, 16), ((ConfigSequence)venues).Items[1].Source);
        Assert.Equal($"{path}:5", okx.Value.Source.ToString());
    }

    [Fact]
    public void Scalars_keep_their_text_style_and_tag_so_numbers_and_quoted_text_differ()
    {
        var root = (ConfigMapping)YamlConfigFile.Parse("""
            number: 1.0
            quoted: "1.0"
            single: 'abc'
            tagged: !!str 5
            tilde: ~
            empty:
            quoted_null: "null"
            """, "test.yaml");

        var number = Scalar(root, "number");
        Assert.Equal(("1.0", ConfigScalarStyle.Plain, true), (number.Text, number.Style, number.IsImplicitlyTyped));
        var quoted = Scalar(root, "quoted");
        Assert.Equal(("1.0", ConfigScalarStyle.DoubleQuoted, false), (quoted.Text, quoted.Style, quoted.IsImplicitlyTyped));
        Assert.Equal(ConfigScalarStyle.SingleQuoted, Scalar(root, "single").Style);
        Assert.Equal("tag:yaml.org,2002:str", Scalar(root, "tagged").Tag);
        Assert.True(Scalar(root, "tilde").IsNull);
        Assert.True(Scalar(root, "empty").IsNull);
        Assert.False(Scalar(root, "quoted_null").IsNull);
    }

    [Fact]
    public void Duplicate_keys_are_errors_naming_file_line_and_key_at_every_level()
    {
        var path = _files.Write("dup.yaml", """
            target_ltv: 0.7
            hedge_allocation:
              okx: 0.5
              okx: 0.6
            target_ltv: 0.8
            """);

        var exception = Assert.Throws<ConfigException>(() => YamlConfigFile.Load(path));

        Assert.Equal(
            [
                $"{path}:4: hedge_allocation.okx: duplicate key 'okx' (first defined at line 3)",
                $"{path}:5: target_ltv: duplicate key 'target_ltv' (first defined at line 1)",
            ],
            exception.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Syntax_error_names_file_line_and_the_parser_message_without_a_stack_trace()
    {
        var path = _files.Write("broken.yaml", """
            mode: eth_basis
            target_ltv: 0.7
              hedge: 1
            """);

        var exception = Assert.Throws<ConfigException>(() => YamlConfigFile.Load(path));

        var error = Assert.Single(exception.Errors);
        Assert.Equal((path, 3), (error.Source.Origin, error.Source.Line));
        Assert.Equal($"{path}:3: YAML syntax error: While scanning a plain scalar value, found invalid mapping.", exception.Message);
    }

    [Fact]
    public void Unclosed_bracket_that_trips_the_yaml_scanner_is_still_a_syntax_error_with_a_line()
    {
        // YamlDotNet throws a bare InvalidOperationException here instead of a YamlException with a position.
        var path = _files.Write("unclosed.yaml", """
            mode: eth_basis
            venues: [aave, okx
            target_ltv: 0.7
            """);

        var exception = Assert.Throws<ConfigException>(() => YamlConfigFile.Load(path));

        var error = Assert.Single(exception.Errors);
        Assert.Equal((path, 2), (error.Source.Origin, error.Source.Line));
        Assert.Contains("YAML syntax error: the parser could not continue after this point; an unclosed '[' or '{' is the usual cause", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_a_config_error_rather_than_an_io_exception()
    {
        var path = Path.Combine(_files.Root, "nope.yaml");

        var exception = Assert.Throws<ConfigException>(() => YamlConfigFile.Load(path));

        Assert.Equal($"{path}: file not found", exception.Message);
    }

    [Fact]
    public void Loading_several_files_reports_the_errors_of_all_of_them()
    {
        var good = _files.Write("modes/good.yaml", "mode: eth_basis\n");
        var duplicate = _files.Write("share_classes/dup.yaml", "a: 1\na: 2\n");
        var missing = Path.Combine(_files.Root, "venues/missing.yaml");

        var exception = Assert.Throws<ConfigException>(() => YamlConfigFile.LoadAll([good, duplicate, missing]));

        Assert.Equal(
            [$"{duplicate}:2: a: duplicate key 'a' (first defined at line 1)", $"{missing}: file not found"],
            exception.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Empty_or_comment_only_file_is_an_empty_mapping()
    {
        var root = YamlConfigFile.Parse("# nothing set here\n", "empty.yaml");

        Assert.Equal(0, Assert.IsType<ConfigMapping>(root).Count);
    }

    [Fact]
    public void Aliases_reuse_the_anchored_value_and_keep_the_anchor_source()
    {
        var root = (ConfigMapping)YamlConfigFile.Parse("""
            defaults: &weights {binance: 0.5, okx: 0.5}
            hedge_allocation: *weights
            """, "anchors.yaml");

        Assert.True(root.TryGetValue("hedge_allocation", out var hedge));
        Assert.Equal("{binance: 0.5, okx: 0.5}", hedge.ToString());
        Assert.Equal(1, hedge.Source.Line);
    }

    [Fact]
    public void Merge_keys_unknown_aliases_unsupported_tags_and_second_documents_are_all_reported()
    {
        var exception = Assert.Throws<ConfigException>(() => YamlConfigFile.Parse("""
            base: &base {a: 1}
            derived:
              <<: *base
            other: *missing
            custom: !venue okx
            ---
            second: 1
            """, "odd.yaml"));

        Assert.Equal(
            [
                "odd.yaml:3: derived.<<: YAML merge keys ('<<') are not supported; repeat the keys, or move shared values to a base file that is merged first",
                "odd.yaml:4: other: alias '*missing' refers to no anchor defined before it",
                "odd.yaml:5: custom: tag '!venue' is not supported here; allowed: !!str, !!int, !!float, !!bool, !!null, !",
                "odd.yaml:6: a second YAML document ('---') is not supported; put each layer in its own file",
            ],
            exception.Errors.Select(e => e.ToString()));
    }

    private static ConfigScalar Scalar(ConfigMapping mapping, string key) =>
        mapping.TryGetValue(key, out var node) ? Assert.IsType<ConfigScalar>(node) : throw new KeyNotFoundException(key);
}
