using System.Security.Cryptography;
using System.Text;

namespace Basis.Venues.Exchanges;

/// <summary>
/// Client order ids every venue accepts: at most 32 ASCII letters and digits (OKX's clOrdId is the strictest:
/// alphanumeric, 1–32; Binance allows 36 with some punctuation, Bybit 36).
/// </summary>
public static class ClientOrderIds
{
    public const int MaxLength = 32;

    /// <summary>
    /// The same intent key (for example "run-42/rebalance/2026-12-03T10:00Z/short-perp") always gives the same id,
    /// so an order re-sent after a crash or a timeout is recognised by the venue instead of placed again.
    /// </summary>
    public static string Derive(string intentKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(intentKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(intentKey));
        return "bs" + Convert.ToHexStringLower(hash)[..(MaxLength - 2)];
    }

    public static void Validate(string clientOrderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId);
        if (clientOrderId.Length > MaxLength || !clientOrderId.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException(
                $"Client order id '{clientOrderId}' must be 1 to {MaxLength} ASCII letters or digits.", nameof(clientOrderId));
    }
}
