using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Basis.Venues.Ethereum.Executor;

// LeverageExecutor.sol and the calls its steps make that no other adapter needs, as Nethereum typed messages.

[Function("execute")]
internal sealed class ExecuteFunction : FunctionMessage
{
    [Parameter("address", "asset", 1)]
    public string Asset { get; set; } = "";

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }

    [Parameter("tuple[]", "steps", 3)]
    public List<StepInput> Steps { get; set; } = [];

    [Parameter("address[]", "sweep", 4)]
    public List<string> Sweep { get; set; } = [];
}

/// <summary>LeverageExecutor.Step.</summary>
internal sealed class StepInput
{
    [Parameter("address", "target", 1)]
    public string Target { get; set; } = "";

    [Parameter("uint256", "value", 2)]
    public BigInteger Value { get; set; }

    [Parameter("bytes", "data", 3)]
    public byte[] Data { get; set; } = [];
}

[Function("executeOperation", "bool")]
internal sealed class ExecuteOperationFunction : FunctionMessage
{
    [Parameter("address", "asset", 1)]
    public string Asset { get; set; } = "";

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }

    [Parameter("uint256", "premium", 3)]
    public BigInteger Premium { get; set; }

    [Parameter("address", "initiator", 4)]
    public string Initiator { get; set; } = "";

    [Parameter("bytes", "params", 5)]
    public byte[] Params { get; set; } = [];
}

[Function("owner", "address")]
internal sealed class OwnerFunction : FunctionMessage
{
}

[Function("flashLoanSimple")]
internal sealed class FlashLoanSimpleFunction : FunctionMessage
{
    [Parameter("address", "receiverAddress", 1)]
    public string Receiver { get; set; } = "";

    [Parameter("address", "asset", 2)]
    public string Asset { get; set; } = "";

    [Parameter("uint256", "amount", 3)]
    public BigInteger Amount { get; set; }

    [Parameter("bytes", "params", 4)]
    public byte[] Params { get; set; } = [];

    [Parameter("uint16", "referralCode", 5)]
    public ushort ReferralCode { get; set; }
}

[Function("FLASHLOAN_PREMIUM_TOTAL", "uint128")]
internal sealed class FlashLoanPremiumTotalFunction : FunctionMessage
{
}

/// <summary>VariableDebtToken.approveDelegation: lets the executor borrow on the owner's account.</summary>
[Function("approveDelegation")]
internal sealed class ApproveDelegationFunction : FunctionMessage
{
    [Parameter("address", "delegatee", 1)]
    public string Delegatee { get; set; } = "";

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

/// <summary>VariableDebtToken.borrowAllowance: what <c>toUser</c> may still borrow on <c>fromUser</c>'s account.</summary>
[Function("borrowAllowance", "uint256")]
internal sealed class BorrowAllowanceFunction : FunctionMessage
{
    [Parameter("address", "fromUser", 1)]
    public string FromUser { get; set; } = "";

    [Parameter("address", "toUser", 2)]
    public string ToUser { get; set; } = "";
}

[Function("transferFrom", "bool")]
internal sealed class TransferFromFunction : FunctionMessage
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = "";

    [Parameter("address", "to", 2)]
    public string To { get; set; } = "";

    [Parameter("uint256", "amount", 3)]
    public BigInteger Amount { get; set; }
}

/// <summary>WETH9.withdraw: burns WETH and sends the ether.</summary>
[Function("withdraw")]
internal sealed class WethWithdrawFunction : FunctionMessage
{
    [Parameter("uint256", "wad", 1)]
    public BigInteger Wad { get; set; }
}

[Function("totalShares", "uint256")]
internal sealed class TotalSharesFunction : FunctionMessage
{
}

[Function("getTotalPooledEther", "uint256")]
internal sealed class GetTotalPooledEtherFunction : FunctionMessage
{
}

[Function("quoteExactOutputSingle", typeof(QuoteExactOutputSingleOutput))]
internal sealed class QuoteExactOutputSingleFunction : FunctionMessage
{
    [Parameter("tuple", "params", 1)]
    public QuoteExactOutputSingleParams Params { get; set; } = new();
}

/// <summary>IQuoterV2.QuoteExactOutputSingleParams.</summary>
internal sealed class QuoteExactOutputSingleParams
{
    [Parameter("address", "tokenIn", 1)]
    public string TokenIn { get; set; } = "";

    [Parameter("address", "tokenOut", 2)]
    public string TokenOut { get; set; } = "";

    [Parameter("uint256", "amount", 3)]
    public BigInteger Amount { get; set; }

    [Parameter("uint24", "fee", 4)]
    public uint Fee { get; set; }

    [Parameter("uint160", "sqrtPriceLimitX96", 5)]
    public BigInteger SqrtPriceLimitX96 { get; set; }
}

[FunctionOutput]
internal sealed class QuoteExactOutputSingleOutput : IFunctionOutputDTO
{
    [Parameter("uint256", "amountIn", 1)]
    public BigInteger AmountIn { get; set; }

    [Parameter("uint160", "sqrtPriceX96After", 2)]
    public BigInteger SqrtPriceX96After { get; set; }

    [Parameter("uint32", "initializedTicksCrossed", 3)]
    public uint InitializedTicksCrossed { get; set; }

    [Parameter("uint256", "gasEstimate", 4)]
    public BigInteger GasEstimate { get; set; }
}
