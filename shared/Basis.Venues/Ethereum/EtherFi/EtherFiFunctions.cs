using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Basis.Venues.Ethereum.EtherFi;

// EtherFi LiquidityPool and weETH calls (LiquidityPool.sol, WeETH.sol) as Nethereum typed messages.

[Function("deposit", "uint256")]
internal sealed class DepositFunction : FunctionMessage
{
}

[Function("wrap", "uint256")]
internal sealed class WrapEEthFunction : FunctionMessage
{
    [Parameter("uint256", "_eETHAmount", 1)]
    public BigInteger EEthAmount { get; set; }
}

[Function("unwrap", "uint256")]
internal sealed class UnwrapWeEthFunction : FunctionMessage
{
    [Parameter("uint256", "_weETHAmount", 1)]
    public BigInteger WeEthAmount { get; set; }
}

[Function("getRate", "uint256")]
internal sealed class GetRateFunction : FunctionMessage
{
}

[Function("getWeETHByeETH", "uint256")]
internal sealed class GetWeEthByEEthFunction : FunctionMessage
{
    [Parameter("uint256", "_eETHAmount", 1)]
    public BigInteger EEthAmount { get; set; }
}

[Function("getEETHByWeETH", "uint256")]
internal sealed class GetEEthByWeEthFunction : FunctionMessage
{
    [Parameter("uint256", "_weETHAmount", 1)]
    public BigInteger WeEthAmount { get; set; }
}
