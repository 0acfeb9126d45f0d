namespace Basis.Core.Accounting;

/// <summary>Gas: an operation costs (base fee + median priority fee) × gas units, paid in ETH.</summary>
public static class GasAccounting
{
    private const double EthPerGwei = 1e-9;

    /// <summary>The gas price an operation pays, in gwei: base fee plus the median priority fee.</summary>
    public static double GasPriceGwei(double baseFeeGwei, double medianPriorityFeeGwei) => baseFeeGwei + medianPriorityFeeGwei;

    /// <summary>ETH paid for <paramref name="gasUnits"/> at <paramref name="gasPriceGwei"/>.</summary>
    public static double CostEth(double gasPriceGwei, int gasUnits) => gasPriceGwei * EthPerGwei * gasUnits;
}
