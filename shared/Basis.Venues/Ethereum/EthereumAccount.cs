using Nethereum.Web3.Accounts;

namespace Basis.Venues.Ethereum;

/// <summary>
/// The signing account: a private key given by the caller or read from <c>BASIS_{ENV}__ALCHEMY__PRIVATE_KEY</c>.
/// The key never leaves this type except to sign; <see cref="ToString"/> shows the address only.
/// </summary>
public sealed class EthereumAccount
{
    private static readonly string[] Environments = ["DEV", "STAGING", "PROD"];

    private EthereumAccount(Account account)
    {
        Signer = account;
    }

    /// <summary>The checksummed address.</summary>
    public string Address => Signer.Address;

    /// <summary>Nethereum's account, which signs transactions locally.</summary>
    internal Account Signer { get; }

    /// <summary>An account from a hex private key (with or without 0x) for <paramref name="chainId"/>.</summary>
    public static EthereumAccount FromPrivateKey(string privateKey, long chainId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKey);
        var hex = privateKey.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? privateKey[2..] : privateKey;
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
        {
            // The key itself is never put in a message.
            throw new ArgumentException("an Ethereum private key is 32 bytes: 64 hex digits, optionally after 0x", nameof(privateKey));
        }

        return new EthereumAccount(new Account(hex, chainId));
    }

    /// <summary>
    /// The account of <paramref name="environment"/> (DEV, STAGING or PROD, any case) from
    /// <c>BASIS_{ENV}__ALCHEMY__PRIVATE_KEY</c>; throws naming the variable (not its value) when it is missing or malformed.
    /// </summary>
    public static EthereumAccount FromEnvironment(string environment, long chainId)
    {
        var upper = environment.ToUpperInvariant();
        if (!Environments.Contains(upper))
        {
            throw new ArgumentException($"environment '{environment}' is not one of {string.Join(", ", Environments)}", nameof(environment));
        }

        var variable = $"BASIS_{upper}__ALCHEMY__PRIVATE_KEY";
        var key = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException($"{variable} is not set: the {upper} environment has no Ethereum account");
        }

        try
        {
            return FromPrivateKey(key.Trim(), chainId);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{variable} is not a valid private key: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"EthereumAccount({Address}, key redacted)";
}
