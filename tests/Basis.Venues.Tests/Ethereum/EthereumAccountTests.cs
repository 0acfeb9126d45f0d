using Basis.Venues.Ethereum;

namespace Basis.Venues.Tests.Ethereum;

public sealed class EthereumAccountTests
{
    // Anvil's first development key (public, from the "test test … junk" mnemonic) and its address.
    private const string DevelopmentKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string DevelopmentAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    [Fact]
    public void An_account_derives_its_address_and_never_shows_its_key()
    {
        var account = EthereumAccount.FromPrivateKey(DevelopmentKey, 31337);

        Assert.Equal(DevelopmentAddress, account.Address);
        Assert.Equal($"EthereumAccount({DevelopmentAddress}, key redacted)", account.ToString());
        Assert.DoesNotContain(DevelopmentKey[2..], account.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_environment_key_is_read_from_the_environments_variable_and_a_bad_one_is_refused_without_echoing_it()
    {
        const string variable = "BASIS_STAGING__ALCHEMY__PRIVATE_KEY";
        try
        {
            Environment.SetEnvironmentVariable(variable, DevelopmentKey);
            Assert.Equal(DevelopmentAddress, EthereumAccount.FromEnvironment("staging", 1).Address);

            Environment.SetEnvironmentVariable(variable, "0xnot-a-key-but-secret-looking");
            var malformed = Assert.Throws<InvalidOperationException>(() => EthereumAccount.FromEnvironment("STAGING", 1));
            Assert.Contains(variable, malformed.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-looking", malformed.Message, StringComparison.Ordinal);

            Environment.SetEnvironmentVariable(variable, null);
            Assert.Contains(variable, Assert.Throws<InvalidOperationException>(() => EthereumAccount.FromEnvironment("staging", 1)).Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => EthereumAccount.FromEnvironment("qa", 1));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
