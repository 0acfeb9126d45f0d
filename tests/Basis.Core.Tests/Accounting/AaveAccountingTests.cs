using Basis.Core.Accounting;

namespace Basis.Core.Tests.Accounting;

public sealed class AaveAccountingTests
{
    [Fact]
    public void Supply_grows_with_the_liquidity_index()
    {
        // Supply 1,000 USDT at index 1.05: scaled = 1000 / 1.05 = 952.380952...
        // At index 1.0605 (1% later) the underlying is 952.380952 × 1.0605 = 1,010 USDT.
        var scaled = AaveAccounting.ScaledAmount(1_000, 1.05);

        Assert.Equal(952.380952380952, scaled, 9);
        Assert.Equal(1_010, AaveAccounting.Underlying(scaled, 1.0605), 9);
    }

    [Fact]
    public void Debt_grows_with_the_borrow_index_not_the_supply_index()
    {
        // Borrow 10 WETH at borrow index 1.02 → scaled debt 9.80392...; at 1.0251 the debt is 10.05 WETH.
        var scaledDebt = AaveAccounting.ScaledAmount(10, 1.02);

        Assert.Equal(10.05, AaveAccounting.Underlying(scaledDebt, 1.0251), 12);
    }

    [Fact]
    public void Daily_snapshots_interpolate_geometrically()
    {
        // From 1.00 to 1.0201 over 24 h: halfway is sqrt(1.0201) = 1.01, not the linear 1.01005.
        Assert.Equal(1.01, AaveAccounting.InterpolateIndex(1.0, 1.0201, 0.5), 12);
        Assert.Equal(1.0201, AaveAccounting.InterpolateIndex(1.0, 1.0201, 1.0), 12);
    }

    [Fact]
    public void Health_factor_weights_collateral_by_the_liquidation_threshold()
    {
        // 100 ETH of collateral at LT 0.95 against 90 ETH of debt: HF = 95 / 90 = 1.0556; LTV = 0.9.
        Assert.Equal(95.0 / 90.0, AaveAccounting.HealthFactor(100 * 0.95, 90), 12);
        Assert.Equal(0.9, AaveAccounting.LoanToValue(100, 90), 12);
    }

    [Fact]
    public void Health_factor_is_infinite_without_debt()
    {
        Assert.Equal(double.PositiveInfinity, AaveAccounting.HealthFactor(100, 0));
        Assert.Equal(0, AaveAccounting.LoanToValue(100, 0));
    }
}
