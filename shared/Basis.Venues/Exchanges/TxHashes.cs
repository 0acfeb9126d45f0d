using System.Text.RegularExpressions;

namespace Basis.Venues.Exchanges;

/// <summary>
/// Transaction hashes as the venues write them (with or without 0x, any case) in one form: lower-case 0x…. Anything
/// that is not a hex hash (Binance's "Internal transfer …" for off-chain deposits) is kept as the venue wrote it.
/// </summary>
internal static partial class TxHashes
{
    /// <summary>Null for an empty hash (a withdrawal not yet sent).</summary>
    public static string? Normalise(string? hash)
    {
        var text = hash?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return Hex().IsMatch(digits) ? "0x" + digits.ToLowerInvariant() : text;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Hex();
}
