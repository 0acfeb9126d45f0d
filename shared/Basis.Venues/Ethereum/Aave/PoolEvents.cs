using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Venues.Ethereum.Aave;

/// <summary>
/// What an AAVE v3 pool's events in a receipt say it did, per reserve: supplied, borrowed, repaid, withdrawn, and the
/// flash loans it lent with their premiums. Amounts in the reserve's units, summed over the transaction; a reserve it
/// did nothing with reads 0. What a transaction really moved, where it depends on the block (interest, rates).
/// </summary>
public sealed class PoolEvents(TransactionReceipt receipt, string pool)
{
    /// <summary>Supplied of <paramref name="reserve"/> on behalf of <paramref name="onBehalfOf"/>.</summary>
    public BigInteger Supplied(string reserve, string onBehalfOf) =>
        Sum<SupplyEventDto>(e => Same(e.Reserve, reserve) && Same(e.OnBehalfOf, onBehalfOf), e => e.Amount);

    /// <summary>Borrowed of <paramref name="reserve"/> on <paramref name="onBehalfOf"/>'s account.</summary>
    public BigInteger Borrowed(string reserve, string onBehalfOf) =>
        Sum<BorrowEventDto>(e => Same(e.Reserve, reserve) && Same(e.OnBehalfOf, onBehalfOf), e => e.Amount);

    /// <summary>Repaid of <paramref name="user"/>'s <paramref name="reserve"/> debt (by anyone).</summary>
    public BigInteger Repaid(string reserve, string user) =>
        Sum<RepayEventDto>(e => Same(e.Reserve, reserve) && Same(e.User, user), e => e.Amount);

    /// <summary>Withdrawn of <paramref name="reserve"/> by <paramref name="user"/> (the aTokens' holder at the call).</summary>
    public BigInteger Withdrawn(string reserve, string user) =>
        Sum<WithdrawEventDto>(e => Same(e.Reserve, reserve) && Same(e.User, user), e => e.Amount);

    /// <summary>Flash-lent of <paramref name="asset"/> and the premiums charged on it.</summary>
    public (BigInteger Amount, BigInteger Premium) FlashLoaned(string asset) =>
        (Sum<FlashLoanEventDto>(e => Same(e.Asset, asset), e => e.Amount), Sum<FlashLoanEventDto>(e => Same(e.Asset, asset), e => e.Premium));

    private BigInteger Sum<TEvent>(Func<TEvent, bool> match, Func<TEvent, BigInteger> amount)
        where TEvent : IEventDTO, new() =>
        receipt.DecodeAllEvents<TEvent>()
            .Where(e => Same(e.Log.Address, pool) && match(e.Event))
            .Aggregate(BigInteger.Zero, (sum, e) => sum + amount(e.Event));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

// IPool's events as aave-v3-core declares them (indexed parameters in topic order).

[Event("Supply")]
internal sealed class SupplyEventDto : IEventDTO
{
    [Parameter("address", "reserve", 1, true)]
    public string Reserve { get; set; } = "";

    [Parameter("address", "user", 2, false)]
    public string User { get; set; } = "";

    [Parameter("address", "onBehalfOf", 3, true)]
    public string OnBehalfOf { get; set; } = "";

    [Parameter("uint256", "amount", 4, false)]
    public BigInteger Amount { get; set; }

    [Parameter("uint16", "referralCode", 5, true)]
    public ushort ReferralCode { get; set; }
}

[Event("Borrow")]
internal sealed class BorrowEventDto : IEventDTO
{
    [Parameter("address", "reserve", 1, true)]
    public string Reserve { get; set; } = "";

    [Parameter("address", "user", 2, false)]
    public string User { get; set; } = "";

    [Parameter("address", "onBehalfOf", 3, true)]
    public string OnBehalfOf { get; set; } = "";

    [Parameter("uint256", "amount", 4, false)]
    public BigInteger Amount { get; set; }

    [Parameter("uint8", "interestRateMode", 5, false)]
    public byte InterestRateMode { get; set; }

    [Parameter("uint256", "borrowRate", 6, false)]
    public BigInteger BorrowRate { get; set; }

    [Parameter("uint16", "referralCode", 7, true)]
    public ushort ReferralCode { get; set; }
}

[Event("Repay")]
internal sealed class RepayEventDto : IEventDTO
{
    [Parameter("address", "reserve", 1, true)]
    public string Reserve { get; set; } = "";

    [Parameter("address", "user", 2, true)]
    public string User { get; set; } = "";

    [Parameter("address", "repayer", 3, true)]
    public string Repayer { get; set; } = "";

    [Parameter("uint256", "amount", 4, false)]
    public BigInteger Amount { get; set; }

    [Parameter("bool", "useATokens", 5, false)]
    public bool UseATokens { get; set; }
}

[Event("Withdraw")]
internal sealed class WithdrawEventDto : IEventDTO
{
    [Parameter("address", "reserve", 1, true)]
    public string Reserve { get; set; } = "";

    [Parameter("address", "user", 2, true)]
    public string User { get; set; } = "";

    [Parameter("address", "to", 3, true)]
    public string To { get; set; } = "";

    [Parameter("uint256", "amount", 4, false)]
    public BigInteger Amount { get; set; }
}

[Event("FlashLoan")]
internal sealed class FlashLoanEventDto : IEventDTO
{
    [Parameter("address", "target", 1, true)]
    public string Target { get; set; } = "";

    [Parameter("address", "initiator", 2, false)]
    public string Initiator { get; set; } = "";

    [Parameter("address", "asset", 3, true)]
    public string Asset { get; set; } = "";

    [Parameter("uint256", "amount", 4, false)]
    public BigInteger Amount { get; set; }

    [Parameter("uint8", "interestRateMode", 5, false)]
    public byte InterestRateMode { get; set; }

    [Parameter("uint256", "premium", 6, false)]
    public BigInteger Premium { get; set; }

    [Parameter("uint16", "referralCode", 7, true)]
    public ushort ReferralCode { get; set; }
}
