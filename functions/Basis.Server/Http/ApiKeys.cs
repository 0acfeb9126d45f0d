using System.Security.Cryptography;
using System.Text;

namespace Basis.Server.Http;

/// <summary>
/// API keys for mutating endpoints. Only SHA-256 hashes of the keys are configured (<c>BASIS_API_KEY_HASHES</c>,
/// comma-separated hex), so a leaked configuration does not leak a key; there is no built-in key, and with none
/// configured every mutating request is refused.
/// </summary>
internal sealed class ApiKeys
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

/// <summary>Puts <see cref="ApiKeys"/> in front of an endpoint.</summary>
internal static class ApiKeyEndpointExtensions
{
    public static RouteHandlerBuilder RequireApiKey(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeys>();
            if (!keys.AnyConfigured)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "No API keys are configured, so changes are refused.", detail: "Set BASIS_API_KEY_HASHES to the hash printed by 'basis api-key new'.");
            }

            if (!keys.Accepts(context.HttpContext.Request.Headers[ApiKeys.Header]))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: $"A valid API key is required in the {ApiKeys.Header} header.");
            }

            return await next(context);
        })
        .ProducesProblem(StatusCodes.Status401Unauthorized);
}
