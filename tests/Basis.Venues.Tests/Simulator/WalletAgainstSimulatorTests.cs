using Basis.Venues.Exchanges;

namespace Basis.Venues.Tests.Simulator;

public sealed class BybitWalletAgainstSimulatorTests() : WalletAgainstSimulatorTests(ExchangeVenue.Bybit, network: "ETH", chain: "ETH");

public sealed class OkxWalletAgainstSimulatorTests() : WalletAgainstSimulatorTests(ExchangeVenue.Okx, network: "ERC20", chain: "USDT-ERC20");

/// <summary>
/// Transfers, deposit addresses and withdrawals of our Bybit and OKX clients against the simulator's funding account
/// (Binance's spot wallet: ChainTransfersAgainstSimulatorTests). <paramref name="chain"/>: the venue's name for <paramref name="network"/>.
/// </summary>
public abstract class WalletAgainstSimulatorTests(ExchangeVenue venue, string network, string chain)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Transfers_move_usdt_between_the_trading_balance_and_the_funding_account()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        await rig.Client.TransferAsync("USDT", 1_000m, TransferDirection.FuturesToSpot, Token);
        var afterOut = await UsdtAsync(rig);
        await rig.Client.TransferAsync("USDT", 400m, TransferDirection.SpotToFutures, Token);
        var afterIn = await UsdtAsync(rig);

        Assert.Equal((9_000m, 9_000m), (afterOut.Total, afterOut.Available));
        Assert.Equal((9_400m, 9_400m), (afterIn.Total, afterIn.Available));
        lock (rig.Book.Sync)
        {
            Assert.Equal(600m, rig.Account.FundingOf("USDT"));
        }
    }

    [Fact]
    public async Task A_withdrawal_debits_the_funding_account_and_is_recorded()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);
        await rig.Client.TransferAsync("USDT", 1_000m, TransferDirection.FuturesToSpot, Token);

        var id = await rig.Client.WithdrawAsync(new WithdrawalRequest("USDT", network, SimulatorRig.AllowedAddress, 250m, "basisW1"), Token);

        lock (rig.Book.Sync)
        {
            Assert.Equal(750m, rig.Account.FundingOf("USDT"));
            var withdrawal = Assert.Single(rig.Account.Withdrawals);
            Assert.Equal(id, withdrawal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(("USDT", chain, SimulatorRig.AllowedAddress, 250m, "basisW1"),
                (withdrawal.Asset, withdrawal.Chain, withdrawal.Address, withdrawal.Amount, withdrawal.ClientId));
        }
        Assert.Equal(9_000m, (await UsdtAsync(rig)).Total);
    }

    [Fact]
    public async Task Spending_more_than_the_funding_account_holds_is_insufficient_balance()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        var transfer = await Assert.ThrowsAsync<ExchangeException>(
            () => rig.Client.TransferAsync("USDT", 1m, TransferDirection.SpotToFutures, Token));
        var withdrawal = await Assert.ThrowsAsync<ExchangeException>(
            () => rig.Client.WithdrawAsync(new WithdrawalRequest("USDT", network, SimulatorRig.AllowedAddress, 1m, "basisW2"), Token));

        Assert.Equal(ExchangeErrorKind.InsufficientBalanceOrMargin, transfer.Kind);
        Assert.Equal(ExchangeErrorKind.InsufficientBalanceOrMargin, withdrawal.Kind);
        lock (rig.Book.Sync)
        {
            Assert.Empty(rig.Account.Withdrawals);
        }
    }

    [Fact]
    public async Task The_deposit_address_is_the_simulators_for_the_account_asset_and_chain()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        var address = await rig.Client.GetDepositAddressAsync("USDT", network, Token);

        lock (rig.Book.Sync)
        {
            Assert.Equal(new DepositAddress("USDT", network, rig.Book.DepositAddress(rig.Account, "USDT", chain), null), address);
        }
    }

    private static async Task<AssetBalance> UsdtAsync(SimulatorRig rig) =>
        (await rig.Client.GetBalancesAsync(TradingAccount.Futures, Token)).Single(b => b.Asset == "USDT");
}
