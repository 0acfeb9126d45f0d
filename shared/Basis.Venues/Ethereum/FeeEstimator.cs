using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace Basis.Venues.Ethereum;

/// <summary>
/// EIP-1559 fees from <c>eth_feeHistory</c> over the last <see cref="Blocks"/> blocks. The rule:
/// <list type="bullet">
/// <item>priority fee = the median over those blocks of each block's <see cref="RewardPercentile"/>th-percentile tip,
/// at least <see cref="MinPriorityFeeWei"/> (so a quiet or local chain still gets a tip);</item>
/// <item>max fee = the pending block's base fee × <see cref="BaseFeeMargin"/> + the priority fee. The base fee can
/// rise 12.5 % a block, so a margin of 2 keeps the transaction valid through about six full blocks.</item>
/// </list>
/// </summary>
public sealed class FeeEstimator(IWeb3 web3)
{
    /// <summary>How many recent blocks the history covers.</summary>
    public int Blocks { get; set; } = 10;

    /// <summary>The tip percentile read from each block (50: the median tip).</summary>
    public decimal RewardPercentile { get; set; } = 50;

    /// <summary>The multiple of the pending base fee the max fee allows.</summary>
    public int BaseFeeMargin { get; set; } = 2;

    /// <summary>The lowest tip offered (1 gwei).</summary>
    public BigInteger MinPriorityFeeWei { get; set; } = 1_000_000_000;

    /// <summary>Fees for a transaction sent now.</summary>
    public async Task<Eip1559Fees> EstimateAsync(CancellationToken cancellationToken = default)
    {
        var history = await web3.Eth.FeeHistory.SendRequestAsync(new HexBigInteger(Blocks), BlockParameter.CreatePending(), [RewardPercentile])
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        // eth_feeHistory returns one base fee more than blocks asked: the last is the next block's.
        var pendingBaseFee = history.BaseFeePerGas is { Length: > 0 } baseFees ? baseFees[^1].Value : BigInteger.Zero;
        return Calculate(pendingBaseFee, history.Reward?.Select(block => block.Length > 0 ? block[0].Value : BigInteger.Zero).ToArray() ?? []);
    }

    /// <summary>The rule above, on a pending base fee and the blocks' percentile tips.</summary>
    internal Eip1559Fees Calculate(BigInteger pendingBaseFeeWei, IReadOnlyList<BigInteger> tipsWei)
    {
        var sorted = tipsWei.Order().ToArray();
        var median = sorted.Length == 0 ? BigInteger.Zero
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var priority = BigInteger.Max(median, MinPriorityFeeWei);
        return new Eip1559Fees((pendingBaseFeeWei * BaseFeeMargin) + priority, priority);
    }
}
