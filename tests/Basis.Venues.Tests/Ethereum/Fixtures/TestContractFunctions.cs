using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Basis.Venues.Tests.Ethereum.Fixtures;

// Calls only the test chain needs: listing reserves, moving prices, and the mock tokens' open mint.

[Function("initReserves")]
internal sealed class InitReservesFunction : FunctionMessage
{
    [Parameter("tuple[]", "input", 1)]
    public List<InitReserveInput> Input { get; set; } = [];
}

/// <summary>ConfiguratorInputTypes.InitReserveInput of @aave/core-v3 1.19.</summary>
internal sealed class InitReserveInput
{
    [Parameter("address", "aTokenImpl", 1)]
    public string ATokenImpl { get; set; } = "";

    [Parameter("address", "stableDebtTokenImpl", 2)]
    public string StableDebtTokenImpl { get; set; } = "";

    [Parameter("address", "variableDebtTokenImpl", 3)]
    public string VariableDebtTokenImpl { get; set; } = "";

    [Parameter("uint8", "underlyingAssetDecimals", 4)]
    public byte UnderlyingAssetDecimals { get; set; }

    [Parameter("address", "interestRateStrategyAddress", 5)]
    public string InterestRateStrategyAddress { get; set; } = "";

    [Parameter("address", "underlyingAsset", 6)]
    public string UnderlyingAsset { get; set; } = "";

    [Parameter("address", "treasury", 7)]
    public string Treasury { get; set; } = "";

    [Parameter("address", "incentivesController", 8)]
    public string IncentivesController { get; set; } = "";

    [Parameter("string", "aTokenName", 9)]
    public string ATokenName { get; set; } = "";

    [Parameter("string", "aTokenSymbol", 10)]
    public string ATokenSymbol { get; set; } = "";

    [Parameter("string", "variableDebtTokenName", 11)]
    public string VariableDebtTokenName { get; set; } = "";

    [Parameter("string", "variableDebtTokenSymbol", 12)]
    public string VariableDebtTokenSymbol { get; set; } = "";

    [Parameter("string", "stableDebtTokenName", 13)]
    public string StableDebtTokenName { get; set; } = "";

    [Parameter("string", "stableDebtTokenSymbol", 14)]
    public string StableDebtTokenSymbol { get; set; } = "";

    [Parameter("bytes", "params", 15)]
    public byte[] Params { get; set; } = [];
}

[Function("mint", "bool")]
internal sealed class MintFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = "";

    [Parameter("uint256", "value", 2)]
    public BigInteger Value { get; set; }
}

[Function("setAssetSources")]
internal sealed class SetAssetSourcesFunction : FunctionMessage
{
    [Parameter("address[]", "assets", 1)]
    public List<string> Assets { get; set; } = [];

    [Parameter("address[]", "sources", 2)]
    public List<string> Sources { get; set; } = [];
}

[Function("mint", typeof(MintPositionOutput))]
internal sealed class MintPositionFunction : FunctionMessage
{
    [Parameter("tuple", "params", 1)]
    public MintPositionParams Params { get; set; } = new();
}

/// <summary>INonfungiblePositionManager.MintParams of @uniswap/v3-periphery 1.4.4.</summary>
internal sealed class MintPositionParams
{
    [Parameter("address", "token0", 1)]
    public string Token0 { get; set; } = "";

    [Parameter("address", "token1", 2)]
    public string Token1 { get; set; } = "";

    [Parameter("uint24", "fee", 3)]
    public uint Fee { get; set; }

    [Parameter("int24", "tickLower", 4)]
    public int TickLower { get; set; }

    [Parameter("int24", "tickUpper", 5)]
    public int TickUpper { get; set; }

    [Parameter("uint256", "amount0Desired", 6)]
    public BigInteger Amount0Desired { get; set; }

    [Parameter("uint256", "amount1Desired", 7)]
    public BigInteger Amount1Desired { get; set; }

    [Parameter("uint256", "amount0Min", 8)]
    public BigInteger Amount0Min { get; set; }

    [Parameter("uint256", "amount1Min", 9)]
    public BigInteger Amount1Min { get; set; }

    [Parameter("address", "recipient", 10)]
    public string Recipient { get; set; } = "";

    [Parameter("uint256", "deadline", 11)]
    public BigInteger Deadline { get; set; }
}

[FunctionOutput]
internal sealed class MintPositionOutput : IFunctionOutputDTO
{
    [Parameter("uint256", "tokenId", 1)]
    public BigInteger TokenId { get; set; }

    [Parameter("uint128", "liquidity", 2)]
    public BigInteger Liquidity { get; set; }

    [Parameter("uint256", "amount0", 3)]
    public BigInteger Amount0 { get; set; }

    [Parameter("uint256", "amount1", 4)]
    public BigInteger Amount1 { get; set; }
}

/// <summary>The stand-ins' oracle report: the ETH sent is added to the pooled ether, raising every share's value.</summary>
[Function("simulateRewards")]
internal sealed class SimulateRewardsFunction : FunctionMessage
{
}
