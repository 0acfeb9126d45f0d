namespace Basis.Configuration.Tests;

public sealed class ConfigErrorTests
{
    [Fact]
    public void Error_prints_file_line_key_path_and_message()
    {
        var error = new ConfigError(ConfigSource.InFile("configs/modes/eth_basis.yaml", 12, 8), "hedge_allocation.okx", "must be between 0 and 1 (got 1.5)");

        Assert.Equal("configs/modes/eth_basis.yaml:12: hedge_allocation.okx: must be between 0 and 1 (got 1.5)", error.ToString());
    }

    [Fact]
    public void Error_without_a_line_or_key_prints_the_origin_and_message()
    {
        var error = new ConfigError(ConfigSource.FromOrigin("--set x"), string.Empty, "expected key=value (no '=' found)");

        Assert.Equal("--set x: expected key=value (no '=' found)", error.ToString());
    }

    [Fact]
    public void Exception_message_lists_every_error_one_per_line()
    {
        ConfigError[] errors =
        [
            new(ConfigSource.InFile("a.yaml", 1), "x", "first"),
            new(ConfigSource.InFile("b.yaml", 2), "y", "second"),
        ];

        var exception = new ConfigException(errors);

        Assert.Equal("a.yaml:1: x: first\nb.yaml:2: y: second", exception.Message);
        Assert.Equal(errors, exception.Errors);
    }
}
