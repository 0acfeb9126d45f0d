using System.Security.Cryptography;
using System.Text;

namespace Basis.Api.Http;

/// <summary>
/// API keys. Only SHA-256 hashes of the keys are configured (<c>BASIS_API_KEY_HASHES</c>, comma-separated hex), so a
/// leaked configuration does not leak a key; there is no built-in key, and with none configured every request that
/// needs one is refused.
/// </summary>
public sealed class ApiKeys
{
    /// <summary>The header clients send the key in.</summary>
    public const string Header = "X-API-Key";

    private readonly byte[][] _hashes;

    public ApiKeys(IEnumerable<string> hexHashes)
    {
        ArgumentNullException.ThrowIfNull(hexHashes);
        _hashes = hexHashes.Select(h => TryParse(h) ?? throw new ArgumentException($"{Describe}; an entry is not.", nameof(hexHashes))).ToArray();
    }

    /// <summary>What a configured hash must look like, for error messages.</summary>
    public const string Describe = "every entry must be the SHA-256 of a key as 64 hex digits (make one with 'basis api-key new')";

    public bool AnyConfigured => _hashes.Length > 0;

    /// <summary>True when <paramref name="hex"/> is a configurable hash (64 hex digits, optionally <c>sha256:</c>-prefixed).</summary>
    public static bool IsHash(string hex) => TryParse(hex) is not null;

    /// <summary>The hash to configure for <paramref name="key"/>.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key (256 bits, URL-safe).</summary>
    public static string NewKey() => "bk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>True when <paramref name="key"/> hashes to a configured hash (compared in constant time).</summary>
    public bool Accepts(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var accepted = false;
        foreach (var configured in _hashes)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(hash, configured);
        }

        return accepted;
    }

    private static byte[]? TryParse(string hex)
    {
        var text = hex.Trim();
        if (text.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["sha256:".Length..];
        }

        try
        {
            var bytes = Convert.FromHexString(text);
            if (bytes.Length == SHA256.HashSizeInBytes)
            {
                return bytes;
            }
        }
        catch (FormatException)
        {
        }

        return null;
    }
}
