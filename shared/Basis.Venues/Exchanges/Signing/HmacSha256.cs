using System.Security.Cryptography;
using System.Text;

namespace Basis.Venues.Exchanges.Signing;

internal static class HmacSha256
{
    public static byte[] Compute(string secret, string payload) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload));
}
