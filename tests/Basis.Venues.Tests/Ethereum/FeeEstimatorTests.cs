using System.Numerics;
using Basis.Venues.Ethereum;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Venues.Tests.Ethereum;

public sealed class FeeEstimatorTests(EthereumChainFixture fixture) : ChainTest(fixture)
{
    private static readonly BigInteger Gwei = 1_000_000_000;

    [Fact]
    public void The_tip_is_the_median_of_the_blocks_percentile_tips_and_the_cap_twice_the_pending_base_fee_plus_the_tip()
    {
        var rule = new FeeEstimator(null!);

        // Tips 1, 3, 2 gwei: median 2; base 10 gwei: cap 2 × 10 + 2 = 22 gwei.
        Assert.Equal(new Eip1559Fees(22 * Gwei, 2 * Gwei), rule.Calculate(10 * Gwei, [1 * Gwei, 3 * Gwei, 2 * Gwei]));
        // An even count averages the middle two: (2 + 4) / 2 = 3 gwei.
        Assert.Equal(new Eip1559Fees(23 * Gwei, 3 * Gwei), rule.Calculate(10 * Gwei, [4 * Gwei, 1 * Gwei, 2 * Gwei, 9 * Gwei]));
        // No tips (an idle or local chain): the 1 gwei floor.
        Assert.Equal(new Eip1559Fees(21 * Gwei, 1 * Gwei), rule.Calculate(10 * Gwei, []));
    }

    [Fact]
    public async Task Fees_on_the_chain_cover_the_pending_base_fee_and_a_transaction_paying_them_mines()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Fixture.Client(1);
        var pending = await Fixture.Chain.CallAsync("eth_getBlockByNumber", ["pending", false], ct);
        var pendingBaseFee = BigInteger.Parse("0" + pending!["baseFeePerGas"]!.GetValue<string>()[2..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

        var fees = await client.Fees.EstimateAsync(ct);

        // anvil's blocks carry no tips, so the floor applies.
        Assert.Equal(Gwei, fees.MaxPriorityFeePerGasWei);
        Assert.Equal((2 * pendingBaseFee) + Gwei, fees.MaxFeePerGasWei);
        var receipt = await client.SendAsync(Fixture.Market.Weth, new MintFunction { Account = client.Account.Address, Value = 1 }, ct);
        Assert.True(receipt.EffectiveGasPrice.Value <= fees.MaxFeePerGasWei);
    }
}
