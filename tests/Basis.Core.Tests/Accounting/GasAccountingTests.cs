using Basis.Core.Accounting;

namespace Basis.Core.Tests.Accounting;

public sealed class GasAccountingTests
{
    [Fact]
    public void Gas_costs_base_fee_plus_median_priority_fee_times_units()
    {
        // (4.8 + 0.2) gwei × 250,000 gas = 1,250,000 gwei = 0.00125 ETH; at 3,200 USD/ETH that is 4.00 USD.
        var gwei = GasAccounting.GasPriceGwei(4.8, 0.2);
        var eth = GasAccounting.CostEth(gwei, 250_000);

        Assert.Equal(5, gwei, 12);
        Assert.Equal(0.00125, eth, 15);
        Assert.Equal(4, eth * 3_200, 9);
    }
}
