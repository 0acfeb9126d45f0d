using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Basis.Venues.Ethereum.Uniswap;

// Uniswap v3 periphery calls (@uniswap/v3-periphery 1.4.4: SwapRouter, QuoterV2) as Nethereum typed messages.

[Function("exactInputSingle", "uint256")]
internal sealed class ExactInputSingleFunction : FunctionMessage
{
    [Parameter("tuple", "params", 1)]
    public ExactInputSingleParams Params { get; set; } = new();
}

/// <summary>ISwapRouter.ExactInputSingleParams: the SwapRouter of v3-periphery carries a deadline (SwapRouter02 does not).</summary>
internal sealed class ExactInputSingleParams
{
    [Parameter("address", "tokenIn", 1)]
    public string TokenIn { get; set; } = "";

    [Parameter("address", "tokenOut", 2)]
    public string TokenOut { get; set; } = "";

    [Parameter("uint24", "fee", 3)]
    public uint Fee { get; set; }

    [Parameter("address", "recipient", 4)]
    public string Recipient { get; set; } = "";

    [Parameter("uint256", "deadline", 5)]
    public BigInteger Deadline { get; set; }

    [Parameter("uint256", "amountIn", 6)]
    public BigInteger AmountIn { get; set; }

    [Parameter("uint256", "amountOutMinimum", 7)]
    public BigInteger AmountOutMinimum { get; set; }

    [Parameter("uint160", "sqrtPriceLimitX96", 8)]
    public BigInteger SqrtPriceLimitX96 { get; set; }
}

[Function("exactOutputSingle", "uint256")]
internal sealed class ExactOutputSingleFunction : FunctionMessage
{
    [Parameter("tuple", "params", 1)]
    public ExactOutputSingleParams Params { get; set; } = new();
}

/// <summary>ISwapRouter.ExactOutputSingleParams (v3-periphery's SwapRouter, with its deadline).</summary>
internal sealed class ExactOutputSingleParams
{
    [Parameter("address", "tokenIn", 1)]
    public string TokenIn { get; set; } = "";

    [Parameter("address", "tokenOut", 2)]
    public string TokenOut { get; set; } = "";

    [Parameter("uint24", "fee", 3)]
    public uint Fee { get; set; }

    [Parameter("address", "recipient", 4)]
    public string Recipient { get; set; } = "";

    [Parameter("uint256", "deadline", 5)]
    public BigInteger Deadline { get; set; }

    [Parameter("uint256", "amountOut", 6)]
    public BigInteger AmountOut { get; set; }

    [Parameter("uint256", "amountInMaximum", 7)]
    public BigInteger AmountInMaximum { get; set; }

    [Parameter("uint160", "sqrtPriceLimitX96", 8)]
    public BigInteger SqrtPriceLimitX96 { get; set; }
}

[Function("quoteExactInputSingle", typeof(QuoteExactInputSingleOutput))]
internal sealed class QuoteExactInputSingleFunction : FunctionMessage
{
    [Parameter("tuple", "params", 1)]
    public QuoteExactInputSingleParams Params { get; set; } = new();
}

/// <summary>IQuoterV2.QuoteExactInputSingleParams (the amount comes before the fee, unlike the router's).</summary>
internal sealed class QuoteExactInputSingleParams
{
    [Parameter("address", "tokenIn", 1)]
    public string TokenIn { get; set; } = "";

    [Parameter("address", "tokenOut", 2)]
    public string TokenOut { get; set; } = "";

    [Parameter("uint256", "amountIn", 3)]
    public BigInteger AmountIn { get; set; }

    [Parameter("uint24", "fee", 4)]
    public uint Fee { get; set; }

    [Parameter("uint160", "sqrtPriceLimitX96", 5)]
    public BigInteger SqrtPriceLimitX96 { get; set; }
}

[FunctionOutput]
internal sealed class QuoteExactInputSingleOutput : IFunctionOutputDTO
{
    [Parameter("uint256", "amountOut", 1)]
    public BigInteger AmountOut { get; set; }

    [Parameter("uint160", "sqrtPriceX96After", 2)]
    public BigInteger SqrtPriceX96After { get; set; }

    [Parameter("uint32", "initializedTicksCrossed", 3)]
    public uint InitializedTicksCrossed { get; set; }

    [Parameter("uint256", "gasEstimate", 4)]
    public BigInteger GasEstimate { get; set; }
}
