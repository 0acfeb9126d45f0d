using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Basis.Venues.Ethereum.Aave;

// AAVE v3 Pool, aToken and oracle calls (IPool.sol, IScaledBalanceToken.sol, IAaveOracle.sol) as Nethereum typed messages.

[Function("supply")]
internal sealed class SupplyFunction : FunctionMessage
{
    [Parameter("address", "asset", 1)]
    public string Asset { get; set; } = "";

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }

    [Parameter("address", "onBehalfOf", 3)]
    public string OnBehalfOf { get; set; } = "";

    [Parameter("uint16", "referralCode", 4)]
    public ushort ReferralCode { get; set; }
}

[Function("withdraw", "uint256")]
internal sealed class WithdrawFunction : FunctionMessage
{
    [Parameter("address", "asset", 1)]
    public string Asset { get; set; } = "";

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }

    [Parameter("address", "to", 3)]
    public string To { get; set; } = "";
}

[Function("borrow")]
internal sealed class BorrowFunction : FunctionMessage
{
    [Parameter("address", "asset", 1)]
    public string Asset { get; set; } = "";

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }

    [Parameter("uint256", "interestRateMode", 3)]
    public BigInteger InterestRateMode { get; set; }

    [Parameter("uint16", "referralCode", 4)]
    public ushort ReferralCode { get; set; }

    [Parameter("address", "onBehalfOf", 5)]
    public string OnBehalfOf { get; set; } = "";
}

[Function("repay", "uint256")]
internal sealed class RepayFunction : FunctionMessage
{
    [Parameter("address", "asset", 1)]
    public string Asset { get; set; } = "";

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }

    [Parameter("uint256", "interestRateMode", 3)]
    public BigInteger InterestRateMode { get; set; }

    [Parameter("address", "onBehalfOf", 4)]
    public string OnBehalfOf { get; set; } = "";
}

[Function("setUserEMode")]
internal sealed class SetUserEModeFunction : FunctionMessage
{
    [Parameter("uint8", "categoryId", 1)]
    public byte CategoryId { get; set; }
}

[Function("getUserEMode", "uint256")]
internal sealed class GetUserEModeFunction : FunctionMessage
{
    [Parameter("address", "user", 1)]
    public string User { get; set; } = "";
}

[Function("getUserAccountData", typeof(UserAccountDataOutput))]
internal sealed class GetUserAccountDataFunction : FunctionMessage
{
    [Parameter("address", "user", 1)]
    public string User { get; set; } = "";
}

[FunctionOutput]
internal sealed class UserAccountDataOutput : IFunctionOutputDTO
{
    [Parameter("uint256", "totalCollateralBase", 1)]
    public BigInteger TotalCollateralBase { get; set; }

    [Parameter("uint256", "totalDebtBase", 2)]
    public BigInteger TotalDebtBase { get; set; }

    [Parameter("uint256", "availableBorrowsBase", 3)]
    public BigInteger AvailableBorrowsBase { get; set; }

    [Parameter("uint256", "currentLiquidationThreshold", 4)]
    public BigInteger CurrentLiquidationThreshold { get; set; }

    [Parameter("uint256", "ltv", 5)]
    public BigInteger Ltv { get; set; }

    [Parameter("uint256", "healthFactor", 6)]
    public BigInteger HealthFactor { get; set; }
}

[Function("getReserveData", typeof(ReserveDataOutput))]
internal sealed class GetReserveDataFunction : FunctionMessage
{
    [Parameter("address", "asset", 1)]
    public string Asset { get; set; } = "";
}

// DataTypes.ReserveData is a tuple of static types only, so the ABI lays it out exactly as these 15 words in a row
// (the nested ReserveConfigurationMap is one uint256).
[FunctionOutput]
internal sealed class ReserveDataOutput : IFunctionOutputDTO
{
    [Parameter("uint256", "configuration", 1)]
    public BigInteger Configuration { get; set; }

    [Parameter("uint128", "liquidityIndex", 2)]
    public BigInteger LiquidityIndex { get; set; }

    [Parameter("uint128", "currentLiquidityRate", 3)]
    public BigInteger CurrentLiquidityRate { get; set; }

    [Parameter("uint128", "variableBorrowIndex", 4)]
    public BigInteger VariableBorrowIndex { get; set; }

    [Parameter("uint128", "currentVariableBorrowRate", 5)]
    public BigInteger CurrentVariableBorrowRate { get; set; }

    [Parameter("uint128", "currentStableBorrowRate", 6)]
    public BigInteger CurrentStableBorrowRate { get; set; }

    [Parameter("uint40", "lastUpdateTimestamp", 7)]
    public BigInteger LastUpdateTimestamp { get; set; }

    [Parameter("uint16", "id", 8)]
    public BigInteger Id { get; set; }

    [Parameter("address", "aTokenAddress", 9)]
    public string ATokenAddress { get; set; } = "";

    [Parameter("address", "stableDebtTokenAddress", 10)]
    public string StableDebtTokenAddress { get; set; } = "";

    [Parameter("address", "variableDebtTokenAddress", 11)]
    public string VariableDebtTokenAddress { get; set; } = "";

    [Parameter("address", "interestRateStrategyAddress", 12)]
    public string InterestRateStrategyAddress { get; set; } = "";

    [Parameter("uint128", "accruedToTreasury", 13)]
    public BigInteger AccruedToTreasury { get; set; }

    [Parameter("uint128", "unbacked", 14)]
    public BigInteger Unbacked { get; set; }

    [Parameter("uint128", "isolationModeTotalDebt", 15)]
    public BigInteger IsolationModeTotalDebt { get; set; }
}

[Function("getReserveNormalizedIncome", "uint256")]
internal sealed class GetReserveNormalizedIncomeFunction : FunctionMessage
{
    [Parameter("address", "asset", 1)]
    public string Asset { get; set; } = "";
}

[Function("getReserveNormalizedVariableDebt", "uint256")]
internal sealed class GetReserveNormalizedVariableDebtFunction : FunctionMessage
{
    [Parameter("address", "asset", 1)]
    public string Asset { get; set; } = "";
}

[Function("ADDRESSES_PROVIDER", "address")]
internal sealed class AddressesProviderFunction : FunctionMessage
{
}

[Function("getPriceOracle", "address")]
internal sealed class GetPriceOracleFunction : FunctionMessage
{
}

[Function("BASE_CURRENCY_UNIT", "uint256")]
internal sealed class BaseCurrencyUnitFunction : FunctionMessage
{
}

[Function("getAssetPrice", "uint256")]
internal sealed class GetAssetPriceFunction : FunctionMessage
{
    [Parameter("address", "asset", 1)]
    public string Asset { get; set; } = "";
}

[Function("scaledBalanceOf", "uint256")]
internal sealed class ScaledBalanceOfFunction : FunctionMessage
{
    [Parameter("address", "user", 1)]
    public string User { get; set; } = "";
}
