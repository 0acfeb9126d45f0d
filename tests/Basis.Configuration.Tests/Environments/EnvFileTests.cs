using Basis.Configuration.Environments;

namespace Basis.Configuration.Tests.Environments;

public sealed class EnvFileTests
{
    [Fact]
    public void Parses_names_values_comments_blank_lines_quotes_and_export()
    {
        var settings = EnvFile.Parse("""
            # Storage
            BASIS_DATA_DIR=/data/basis

            BASIS_DATA_MODE = csv
            export BASIS_API_PORT=7071
            EMPTY=
            SPACED="  padded  "   # kept as written inside the quotes
            LITERAL='a\nb'
            ESCAPED="line1\nline2 \"q\""
            HASH=abc#123 # not a comment
            BASIS_LIVE_TRADING__MAX_NOTIONAL_USD=250000
            """, "configs/.env.dev");

        Assert.Equal("/data/basis", settings["BASIS_DATA_DIR"]);
        Assert.Equal("csv", settings["BASIS_DATA_MODE"]);
        Assert.Equal("7071", settings["BASIS_API_PORT"]);
        Assert.Equal(string.Empty, settings["EMPTY"]);
        Assert.Equal("  padded  ", settings["SPACED"]);
        Assert.Equal("a\\nb", settings["LITERAL"]);
        Assert.Equal("line1\nline2 \"q\"", settings["ESCAPED"]);
        Assert.Equal("abc#123 # not a comment", settings["HASH"]);
        Assert.Equal("250000", settings["BASIS_LIVE_TRADING__MAX_NOTIONAL_USD"]);
        Assert.Equal("configs/.env.dev:5", settings.SourceOf("BASIS_API_PORT").ToString());
    }

    [Fact]
    public void Every_malformed_line_is_reported_with_file_and_line_and_never_the_value()
    {
        var exception = Assert.Throws<ConfigException>(() => EnvFile.Parse("""
            GOOD=1
            no equals sign here
            1BAD=x
            BASIS_SECRET="s3cret-unclosed
            BASIS_TOKEN="s3cret" trailing
            GOOD=2
            """, "configs/.env.dev"));

        Assert.Equal(
            [
                "configs/.env.dev:2: expected NAME=value (no '=' found)",
                "configs/.env.dev:3: '1BAD' is not a valid variable name (letters, digits and '_', not starting with a digit)",
                "configs/.env.dev:4: BASIS_SECRET: the quoted value is not closed, or is followed by something other than a # comment (values cannot span lines)",
                "configs/.env.dev:5: BASIS_TOKEN: the quoted value is not closed, or is followed by something other than a # comment (values cannot span lines)",
                "configs/.env.dev:6: GOOD: set twice in this file (first at line 1)",
            ],
            exception.Errors.Select(e => e.ToString()));
        Assert.DoesNotContain("s3cret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printing_the_settings_shows_names_but_never_values()
    {
        var settings = EnvFile.Parse("BASIS_DB_PASSWORD=hunter2\nBASIS_DATA_MODE=csv\n", "configs/.env.dev");

        Assert.Equal("2 settings (values hidden): BASIS_DATA_MODE, BASIS_DB_PASSWORD", settings.ToString());
        Assert.DoesNotContain("hunter2", settings.ToConfigNode().ToString(), StringComparison.Ordinal);
    }
}
