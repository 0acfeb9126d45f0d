using System.Numerics;
using System.Text;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;

namespace Basis.Venues.Ethereum;

/// <summary>Decodes why a call reverted from what Nethereum throws.</summary>
internal static class RevertReason
{
    private const string ErrorSelector = "08c379a0";
    private const string PanicSelector = "4e487b71";

    /// <summary>The reason when <paramref name="e"/> is a revert; null when it is some other failure.</summary>
    public static string? From(Exception e) => e switch
    {
        SmartContractRevertException revert => revert.RevertMessage,
        SmartContractCustomErrorRevertException custom => Decode(custom.ExceptionEncodedData),
        RpcResponseException rpc when rpc.RpcError?.Data?.ToString() is { Length: > 2 } data && data.StartsWith("0x", StringComparison.Ordinal) => Decode(data),
        RpcResponseException rpc when rpc.Message.Contains("revert", StringComparison.OrdinalIgnoreCase) => rpc.RpcError?.Message ?? rpc.Message,
        _ => null,
    };

    /// <summary>Decodes revert data: <c>Error(string)</c>, <c>Panic(uint256)</c>, or names a custom error by its data.</summary>
    public static string Decode(string hex)
    {
        var bytes = hex.HexToByteArray();
        if (bytes.Length < 4)
        {
            return "reverted without a reason";
        }

        var selector = bytes.AsSpan(0, 4).ToArray().ToHex();
        if (selector == ErrorSelector && bytes.Length >= 68)
        {
            var length = (int)new BigInteger(bytes.AsSpan(36, 32), isUnsigned: true, isBigEndian: true);
            return Encoding.UTF8.GetString(bytes, 68, Math.Min(length, bytes.Length - 68));
        }

        if (selector == PanicSelector && bytes.Length >= 36)
        {
            return $"Panic(0x{new BigInteger(bytes.AsSpan(4, 32), isUnsigned: true, isBigEndian: true):x2})";
        }

        return $"custom error {hex}";
    }
}
