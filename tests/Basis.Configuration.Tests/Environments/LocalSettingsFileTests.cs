using Basis.Configuration.Environments;

namespace Basis.Configuration.Tests.Environments;

public sealed class LocalSettingsFileTests
{
    private const string File = "functions/Basis.Server/local.settings.json";

    [Fact]
    public void Values_are_read_with_the_line_each_was_set_on()
    {
        var settings = LocalSettingsFile.Parse("""
            {
              "IsEncrypted": false,
              // the host tolerates comments
              "Values": {
                "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
                "BASIS_API_PORT": "7071",
              },
              "Host": { "LocalHttpPort": 7071 },
              "ConnectionStrings": {}
            }
            """, File);

        Assert.Equal(2, settings.Count);
        Assert.Equal("dotnet-isolated", settings["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("7071", settings["BASIS_API_PORT"]);
        Assert.Equal($"{File}:6", settings.SourceOf("BASIS_API_PORT").ToString());
    }

    [Fact]
    public void Encrypted_file_non_string_values_and_unknown_keys_are_reported_together()
    {
        var exception = Assert.Throws<ConfigException>(() => LocalSettingsFile.Parse("""
            {
              "IsEncrypted": true,
              "Values": {
                "BASIS_API_PORT": 7071,
                "BASIS_DB_PASSWORD": "hunter2",
                "BASIS_DB_PASSWORD": "hunter3"
              },
              "value": {}
            }
            """, File));

        Assert.Equal(
            [
                $"{File}:2: IsEncrypted: encrypted settings are not supported; run 'func settings decrypt' or set IsEncrypted to false",
                $"{File}:4: Values.BASIS_API_PORT: must be a JSON string (the Functions host requires quoted values, e.g. \"7071\")",
                $"{File}:6: Values.BASIS_DB_PASSWORD: set twice (first at line 5)",
                $"{File}:8: value: unknown key; did you mean 'Values'? Valid keys: IsEncrypted, Values, Host, ConnectionStrings",
            ],
            exception.Errors.Select(e => e.ToString()));
        Assert.DoesNotContain("hunter", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_an_error_with_the_line_and_no_stack_trace()
    {
        var exception = Assert.Throws<ConfigException>(() => LocalSettingsFile.Parse("""
            {
              "Values": {
                "A": "1"
                "B": "2"
              }
            }
            """, File));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(4, error.Source.Line);
        Assert.StartsWith($"{File}:4: not valid JSON: ", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_that_is_not_an_object_is_an_error()
    {
        var exception = Assert.Throws<ConfigException>(() => LocalSettingsFile.Parse("[1]", File));

        Assert.Equal($"{File}:1: expected a JSON object like {{\"IsEncrypted\": false, \"Values\": {{...}}}}", exception.Message);
    }
}
