using System.Globalization;
using Basis.ExchangeSimulator.Accounting;

namespace Basis.ExchangeSimulator.Binance;

/// <summary>
/// The Binance wallet (/sapi) subset for moving USDT (https://developers.binance.com/docs/wallet): the universal
/// transfer between the spot wallet and USDⓈ-M futures, deposit addresses and history, withdrawals and their history.
/// Deposits land in, and withdrawals leave from, the spot wallet (walletType 0), Binance's default. SAPI weights are
/// counted per UID apart from the IP weight simulated here, so each request weighs 1.
/// </summary>
internal sealed class BinanceWalletApi(ExchangeState state, BinanceApi api)
{
    // Binance's name for Ethereum, the network used when a request names none.
    private const string DefaultNetwork = "ETH";

    public void Map(WebApplication app)
    {
        app.MapPost("/sapi/v1/asset/transfer", c => api.RunAsync(c, 1, true, Transfer));
        app.MapGet("/sapi/v1/capital/deposit/address", c => api.RunAsync(c, 1, true, DepositAddress));
        app.MapGet("/sapi/v1/capital/deposit/hisrec", c => api.RunAsync(c, 1, true, DepositHistory));
        app.MapPost("/sapi/v1/capital/withdraw/apply", c => api.RunAsync(c, 1, true, Withdraw));
        app.MapGet("/sapi/v1/capital/withdraw/history", c => api.RunAsync(c, 1, true, WithdrawHistory));
    }

    // MAIN_UMFUTURE (spot → USDⓈ-M futures) and back; the other transfer types are not modelled.
    // https://developers.binance.com/docs/wallet/asset/user-universal-transfer
    private object Transfer(BinanceRequest request)
    {
        var type = request.Text("type");
        if (type is not ("MAIN_UMFUTURE" or "UMFUTURE_MAIN"))
        {
            return BinanceError.Mandatory("type");
        }

        if (request.Text("asset") is not { } asset || !request.TryDecimal("amount", out var amount) || amount is null)
        {
            return BinanceError.Mandatory("asset, amount");
        }

        var (id, rejection) = state.Transfer(request.Account, asset, amount.Value, toTrading: type == "MAIN_UMFUTURE");
        return rejection switch
        {
            Rejection.None => new { tranId = id },
            Rejection.InsufficientBalance => BinanceError.TransferInsufficientBalance,
            _ => BinanceError.Mandatory("amount"),
        };
    }

    // https://developers.binance.com/docs/wallet/capital/deposite-address
    private object DepositAddress(BinanceRequest request)
    {
        if (request.Text("coin") is not { } coin)
        {
            return BinanceError.Mandatory("coin");
        }

        var network = request.Text("network") ?? DefaultNetwork;
        return new { address = state.DepositAddress(request.Account, coin, network), coin, tag = string.Empty, url = string.Empty };
    }

    // Newest first; status 0 pending, 1 success (Binance's 6, credited but locked, is not modelled: one confirmation count).
    // https://developers.binance.com/docs/wallet/capital/deposite-history
    private object DepositHistory(BinanceRequest request)
    {
        if (!request.TryLong("startTime", out var start, out var invalid) || !request.TryLong("endTime", out var end, out invalid)
            || !request.TryLong("status", out var status, out invalid))
        {
            return invalid!;
        }

        return request.Account.Deposits
            .Where(d => (request.Text("coin") is not { } coin || d.Asset == coin) && (request.Text("txId") is not { } tx || d.TxHash == tx)
                && (status is null || StatusOf(d) == status) && d.TimeMs >= (start ?? 0) && d.TimeMs <= (end ?? long.MaxValue))
            .OrderByDescending(d => d.TimeMs).ThenByDescending(d => d.Id)
            .Select(d => new
            {
                id = Id(d.Id),
                amount = BinanceFormat.Plain(d.Amount),
                coin = d.Asset,
                network = d.Chain,
                status = StatusOf(d),
                address = d.Address,
                addressTag = string.Empty,
                txId = d.TxHash,
                insertTime = d.TimeMs,
                completeTime = d.Credited ? d.UpdateTimeMs : 0,
                transferType = 0,
                confirmTimes = $"{d.Confirmations}/{state.ChainConfirmations}",
                unlockConfirm = state.ChainConfirmations,
                walletType = 0,
            })
            .ToArray();

        static long StatusOf(SimDeposit d) => d.Credited ? 1 : 0;
    }

    // From the spot wallet, the fee on top. https://developers.binance.com/docs/wallet/capital/withdraw
    private object Withdraw(BinanceRequest request)
    {
        if (request.Text("coin") is not { } coin || request.Text("address") is not { } address
            || !request.TryDecimal("amount", out var amount) || amount is null)
        {
            return BinanceError.Mandatory("coin, address, amount");
        }

        var (withdrawal, rejection) = state.Withdraw(
            request.Account, coin, request.Text("network") ?? DefaultNetwork, address, request.Text("addressTag"), amount.Value, request.Text("withdrawOrderId"));
        return rejection switch
        {
            Rejection.None => new { id = Id(withdrawal!.Id) },
            Rejection.InsufficientBalance => BinanceError.WithdrawInsufficientBalance,
            _ => BinanceError.Mandatory("amount"),
        };
    }

    // Newest first; status 4 processing (with txId once sent), 6 completed, 5 failure.
    // https://developers.binance.com/docs/wallet/capital/withdraw-history
    private object WithdrawHistory(BinanceRequest request)
    {
        if (!request.TryLong("startTime", out var start, out var invalid) || !request.TryLong("endTime", out var end, out invalid)
            || !request.TryLong("status", out var status, out invalid))
        {
            return invalid!;
        }

        var ids = request.Text("idList")?.Split(',');
        return request.Account.Withdrawals
            .Where(w => (request.Text("coin") is not { } coin || w.Asset == coin) && (ids is null || ids.Contains(Id(w.Id)))
                && (request.Text("withdrawOrderId") is not { } clientId || w.ClientId == clientId)
                && (status is null || StatusOf(w) == status) && w.TimeMs >= (start ?? 0) && w.TimeMs <= (end ?? long.MaxValue))
            .OrderByDescending(w => w.TimeMs).ThenByDescending(w => w.Id)
            .Select(w => new
            {
                id = Id(w.Id),
                amount = BinanceFormat.Plain(w.Amount),
                transactionFee = BinanceFormat.Plain(w.Fee),
                coin = w.Asset,
                status = StatusOf(w),
                address = w.Address,
                txId = w.TxHash ?? string.Empty,
                applyTime = Time(w.TimeMs),
                network = w.Chain,
                transferType = 0,
                withdrawOrderId = w.ClientId ?? string.Empty,
                info = w.State is WithdrawalState.Failed ? "The transfer could not be sent." : string.Empty,
                confirmNo = w.State is WithdrawalState.Completed ? state.ChainConfirmations : 0,
                walletType = 0,
                txKey = string.Empty,
                completeTime = w.State is WithdrawalState.Completed ? Time(w.UpdateTimeMs) : string.Empty,
            })
            .ToArray();

        static long StatusOf(SimWithdrawal w) => w.State switch
        {
            WithdrawalState.Completed => 6,
            WithdrawalState.Failed => 5,
            _ => 4,
        };
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    // "2019-10-12 11:12:02", UTC.
    private static string Time(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
