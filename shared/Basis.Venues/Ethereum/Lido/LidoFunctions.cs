using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Basis.Venues.Ethereum.Lido;

// Lido stETH and wstETH calls (Lido.sol, WstETH.sol) as Nethereum typed messages.

[Function("submit", "uint256")]
internal sealed class SubmitFunction : FunctionMessage
{
    [Parameter("address", "_referral", 1)]
    public string Referral { get; set; } = "0x0000000000000000000000000000000000000000";
}

[Function("wrap", "uint256")]
internal sealed class WrapStEthFunction : FunctionMessage
{
    [Parameter("uint256", "_stETHAmount", 1)]
    public BigInteger StEthAmount { get; set; }
}

[Function("unwrap", "uint256")]
internal sealed class UnwrapWstEthFunction : FunctionMessage
{
    [Parameter("uint256", "_wstETHAmount", 1)]
    public BigInteger WstEthAmount { get; set; }
}

[Function("getWstETHByStETH", "uint256")]
internal sealed class GetWstEthByStEthFunction : FunctionMessage
{
    [Parameter("uint256", "_stETHAmount", 1)]
    public BigInteger StEthAmount { get; set; }
}

[Function("getStETHByWstETH", "uint256")]
internal sealed class GetStEthByWstEthFunction : FunctionMessage
{
    [Parameter("uint256", "_wstETHAmount", 1)]
    public BigInteger WstEthAmount { get; set; }
}

[Function("stEthPerToken", "uint256")]
internal sealed class StEthPerTokenFunction : FunctionMessage
{
}
