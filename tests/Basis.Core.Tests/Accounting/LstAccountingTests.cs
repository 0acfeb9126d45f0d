using Basis.Core.Accounting;

namespace Basis.Core.Tests.Accounting;

public sealed class LstAccountingTests
{
    [Fact]
    public void Minting_at_the_oracle_rate_keeps_the_eth_value()
    {
        // 10.4 ETH at weETH/ETH 1.04 mints 10 weETH, worth 10.4 ETH at the same rate.
        var units = LstAccounting.MintUnits(10.4, 1.04);

        Assert.Equal(10, units, 12);
        Assert.Equal(10.4, LstAccounting.EthValue(units, 1.04), 12);
    }

    [Fact]
    public void Staking_yield_is_the_growth_of_the_rate_on_unchanged_units()
    {
        // 10 weETH from rate 1.04 to 1.0426 (+0.25%): value 10.426 ETH, +0.026 ETH.
        Assert.Equal(0.026, LstAccounting.EthValue(10, 1.0426) - LstAccounting.EthValue(10, 1.04), 12);
    }

    [Fact]
    public void Selling_on_a_dex_pays_the_peg_discount_fee_and_slippage()
    {
        // 10 weETH at market rate 1.0374 (oracle 1.04 with a −0.25% peg), 5 bps fee + 20 bps slippage:
        // 10 × 1.0374 × (1 − 0.0025) = 10.348065 ETH.
        Assert.Equal(10.348065, LstAccounting.DexSaleProceeds(10, 1.0374, 5, 20), 9);
    }
}
