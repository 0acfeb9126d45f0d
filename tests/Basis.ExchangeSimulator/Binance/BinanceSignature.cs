using System.Security.Cryptography;
using System.Text;

namespace Basis.ExchangeSimulator.Binance;

/// <summary>
/// Binance's HMAC-SHA256 request signature: the hex HMAC of the "total params", which is the query string
/// immediately followed by the form body, exactly as received and without the <c>signature</c> parameter
/// (https://developers.binance.com/docs/derivatives/usds-margined-futures/general-info#signed-trade-and-user_data-endpoint-security).
/// </summary>
internal static class BinanceSignature
{
    /// <summary>Splits the received query and body into the signed text and the signature sent (null when none was).</summary>
    public static (string Payload, string? Signature) Payload(string query, string body)
    {
        string? signature = null;
        string Strip(string text)
        {
            if (text.Length == 0)
            {
                return text;
            }

            var kept = new List<string>();
            foreach (var part in text.Split('&'))
            {
                if (part.StartsWith("signature=", StringComparison.Ordinal))
                {
                    signature = part["signature=".Length..];
                }
                else
                {
                    kept.Add(part);
                }
            }

            return string.Join('&', kept);
        }

        return (Strip(query) + Strip(body), signature);
    }

    public static string Sign(string secret, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload)));

    public static bool Verify(string secret, string payload, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, payload)), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
}
