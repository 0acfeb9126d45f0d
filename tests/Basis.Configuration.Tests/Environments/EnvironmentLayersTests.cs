using Basis.Configuration.Environments;
using Basis.Configuration.Reading;

namespace Basis.Configuration.Tests.Environments;

public sealed class EnvironmentLayersTests : IDisposable
{
    private readonly TempDirectory _configs = new();

    public EnvironmentLayersTests()
    {
        _configs.Write("env.unified", """
            BASIS_DATA_MODE=
            BASIS_DATA_DIR=
            BASIS_API_PORT=
            BASIS_DB_PASSWORD=
            """);
    }

    public enum DataMode
    {
        Csv,
        Blob,
        Db,
    }

    public void Dispose() => _configs.Dispose();

    [Fact]
    public void Process_environment_beats_the_environment_file_which_beats_env_unified()
    {
        _configs.Write(".env.dev", """
            BASIS_DATA_MODE=csv
            BASIS_DATA_DIR=/from/env-file
            """);
        var process = Variables(("BASIS_DATA_DIR", "/from/process"), ("PATH", "/usr/bin"));

        var settings = EnvironmentLayers.Load(_configs.Root, "dev", process);

        Assert.Equal("csv", settings["BASIS_DATA_MODE"]);
        Assert.Equal(Path.Combine(_configs.Root, ".env.dev") + ":1", settings.SourceOf("BASIS_DATA_MODE").ToString());
        Assert.Equal("/from/process", settings["BASIS_DATA_DIR"]);
        Assert.Equal("environment variable BASIS_DATA_DIR", settings.SourceOf("BASIS_DATA_DIR").ToString());
        Assert.Equal(string.Empty, settings["BASIS_API_PORT"]);
        Assert.Equal(Path.Combine(_configs.Root, "env.unified") + ":3", settings.SourceOf("BASIS_API_PORT").ToString());
        Assert.False(settings.ContainsKey("PATH"));
    }

    [Fact]
    public void Missing_environment_file_leaves_values_to_the_process_environment()
    {
        var settings = EnvironmentLayers.Load(_configs.Root, "production", Variables(("BASIS_DATA_MODE", "blob")));

        Assert.Equal("blob", settings["BASIS_DATA_MODE"]);
        Assert.Equal(4, settings.Count);
    }

    [Fact]
    public void Name_not_declared_in_env_unified_is_an_error_with_a_suggestion()
    {
        _configs.Write(".env.staging", "BASIS_DATA_MOD=csv\nSOMETHING_ELSE=1\n");

        var exception = Assert.Throws<ConfigException>(() => EnvironmentLayers.Load(_configs.Root, "staging", Variables()));

        var file = Path.Combine(_configs.Root, ".env.staging");
        Assert.Equal(
            [
                $"{file}:1: BASIS_DATA_MOD: not declared in env.unified; did you mean 'BASIS_DATA_MODE'?",
                $"{file}:2: SOMETHING_ELSE: not declared in env.unified; add it there first",
            ],
            exception.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Missing_env_unified_and_a_bad_environment_name_are_reported_together()
    {
        using var empty = new TempDirectory();

        var exception = Assert.Throws<ConfigException>(() => EnvironmentLayers.Load(empty.Root, "../prod", Variables()));

        Assert.Equal(
            [
                $"{Path.Combine(empty.Root, "env.unified")}: file not found",
                "environment name: '../prod' is not a valid environment name (letters, digits, '-' and '_', e.g. dev, staging, production)",
            ],
            exception.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Settings_read_through_config_reader_name_unset_variables_and_hide_secret_values()
    {
        _configs.Write(".env.dev", "BASIS_DATA_MODE=parquet\nBASIS_API_PORT=70710\nBASIS_DB_PASSWORD=hunter2\n");
        var settings = EnvironmentLayers.Load(_configs.Root, "dev", Variables());

        var exception = Assert.Throws<ConfigException>(() => ConfigReader.Bind(settings.ToConfigNode(), env => (
            env.Enum<DataMode>("BASIS_DATA_MODE"),
            env.RequiredString("BASIS_DATA_DIR"),
            env.Required<int>("BASIS_API_PORT", min: 1, max: 65535),
            env.Required<int>("BASIS_DB_PASSWORD"))));

        var envFile = Path.Combine(_configs.Root, ".env.dev");
        Assert.Equal(
            [
                $"{envFile}:1: BASIS_DATA_MODE: the value is not one of: csv, blob, db",
                $"{Path.Combine(_configs.Root, "env.unified")}:2: BASIS_DATA_DIR: has no value; expected text",
                $"{envFile}:2: BASIS_API_PORT: must be between 1 and 65535",
                $"{envFile}:3: BASIS_DB_PASSWORD: expected a whole number, got a value that is not shown because it may be secret",
            ],
            exception.Errors.Select(e => e.ToString()));
        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Variables(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value);
}
