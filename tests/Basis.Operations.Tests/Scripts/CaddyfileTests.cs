using Basis.Operations.Tests.Support;
using Basis.Testing;

namespace Basis.Operations.Tests.Scripts;

/// <summary><c>caddy validate</c> on each variant of infra/caddy/Caddyfile, and on the settings it must refuse.</summary>
public sealed class CaddyfileTests
{
    private const string SomeHash = "$2a$14$Zkx19XLiW6VYouLHR5NmfOFU0z2GTNmpkT/5qqR7hx4IjWJPDhjvG";

    private static async Task<CommandResult> ValidateAsync(Dictionary<string, string> settings)
    {
        try
        {
            return await Shell.RunAsync("caddy", ["validate", "--config", Repository.Path("infra", "caddy", "Caddyfile"), "--adapter", "caddyfile"], settings);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            ServiceRequirement.Unavailable("caddy is not installed (apt-get install caddy)");
            throw;
        }
    }

    [Theory]
    [InlineData("localhost", "off")]
    [InlineData("localhost", "on")]
    [InlineData("domain", "off")]
    [InlineData("domain", "on")]
    public async Task Each_variant_is_valid(string site, string basicAuth)
    {
        var result = await ValidateAsync(new()
        {
            ["CADDY_SITE"] = site, ["APP_DOMAIN"] = "basis.example.com", ["ACME_EMAIL"] = "ops@example.com",
            ["BASIC_AUTH"] = basicAuth, ["BASIC_AUTH_HASH"] = SomeHash,
        });

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Valid configuration", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("domain", "off", "", "ops@example.com", "server block without any key")]
    [InlineData("domain", "off", "basis.example.com", "", "'tls'")]
    [InlineData("localhost", "on", "", "", "username and password cannot be empty")]
    [InlineData("public", "off", "", "", "sites/public.caddy")]
    public async Task A_variant_missing_its_settings_is_refused(string site, string basicAuth, string domain, string email, string error)
    {
        var result = await ValidateAsync(new()
        {
            ["CADDY_SITE"] = site, ["APP_DOMAIN"] = domain, ["ACME_EMAIL"] = email, ["BASIC_AUTH"] = basicAuth, ["BASIC_AUTH_HASH"] = "",
        });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(error, result.Output, StringComparison.Ordinal);
    }
}
