using System.Globalization;
using System.Numerics;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Ethereum.EtherFi;
using Basis.Venues.Ethereum.Lido;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace Basis.Venues.MarketData;

/// <summary>
/// Reads one block's AAVE reserve indices and rates and the LST exchange rates into the rows of the canonical series
/// (<c>docs/data-series.md</c>): <c>aave/{network}/{ASSET}</c> and <c>oracle/aave/{LST}-ETH</c>, filed under the
/// block's hour. Every call is made at that one block, so the rows are one consistent state even if blocks arrive
/// meanwhile. Read-only: it needs a node, not an account.
/// </summary>
public sealed class ChainMarketDataReader(IWeb3 web3, ChainMarketDataAddresses addresses)
{
    /// <summary>The columns of <c>aave/*</c> series, in the catalogue's order.</summary>
    public static readonly IReadOnlyList<string> AaveColumns = ["liquidity_index", "variable_borrow_index", "liquidity_rate", "variable_borrow_rate"];

    /// <summary>The column of <c>oracle/*</c> series.</summary>
    public static readonly IReadOnlyList<string> OracleColumns = ["price"];

    /// <summary>Reads at block <paramref name="block"/>, or at the latest block when null.</summary>
    public async Task<ChainSnapshot> ReadAsync(BigInteger? block = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var header = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber
            .SendRequestAsync(block is { } number ? new BlockParameter(new HexBigInteger(number)) : BlockParameter.CreateLatest())
            .WaitAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"the node has no block {block}");

        // Pin every call to the block's number: "latest" may move between calls.
        var at = new BlockParameter(header.Number);
        var blockTime = DateTimeOffset.FromUnixTimeSeconds((long)header.Timestamp.Value);
        var hour = FloorToHour(blockTime);
        var rows = new List<ChainSeriesRow>();
        var skipped = new List<string>();

        if (addresses.AavePool is { } pool)
        {
            await RequireContractAsync(pool, "the AAVE pool", at, cancellationToken).ConfigureAwait(false);
            foreach (var (symbol, asset) in addresses.AaveReserves.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                var series = $"aave/{addresses.Network}/{symbol}";
                var data = await QueryOutputAsync<GetReserveDataFunction, ReserveDataOutput>(pool, new GetReserveDataFunction { Asset = asset }, at, cancellationToken).ConfigureAwait(false);
                if (data.LiquidityIndex.IsZero)
                {
                    // An asset the pool has not listed reads as all zeros; that is not a value to file.
                    skipped.Add($"{series}: {asset} is not a reserve of the pool {pool}");
                    continue;
                }

                // The stored indices are as of the reserve's last action; the normalized ones are accrued to this block.
                var income = await QueryAsync<GetReserveNormalizedIncomeFunction, BigInteger>(pool, new GetReserveNormalizedIncomeFunction { Asset = asset }, at, cancellationToken).ConfigureAwait(false);
                var debt = await QueryAsync<GetReserveNormalizedVariableDebtFunction, BigInteger>(pool, new GetReserveNormalizedVariableDebtFunction { Asset = asset }, at, cancellationToken).ConfigureAwait(false);
                rows.Add(new ChainSeriesRow(series, hour, AaveColumns,
                    [FromFixedPoint(income, 27), FromFixedPoint(debt, 27), FromFixedPoint(data.CurrentLiquidityRate, 27), FromFixedPoint(data.CurrentVariableBorrowRate, 27)]));
            }
        }

        if (addresses.WstEth is { } wstEth)
        {
            await RequireContractAsync(wstEth, "wstETH", at, cancellationToken).ConfigureAwait(false);

            // stETH per wstETH; stETH is redeemable 1:1 for ETH through Lido, which is what the series' rate means.
            var rate = await QueryAsync<StEthPerTokenFunction, BigInteger>(wstEth, new StEthPerTokenFunction(), at, cancellationToken).ConfigureAwait(false);
            rows.Add(new ChainSeriesRow("oracle/aave/wstETH-ETH", hour, OracleColumns, [FromFixedPoint(rate, 18)]));
        }

        if (addresses.WeEth is { } weEth)
        {
            await RequireContractAsync(weEth, "weETH", at, cancellationToken).ConfigureAwait(false);

            // eETH per weETH; eETH is minted 1:1 for ETH by the LiquidityPool.
            var rate = await QueryAsync<GetRateFunction, BigInteger>(weEth, new GetRateFunction(), at, cancellationToken).ConfigureAwait(false);
            rows.Add(new ChainSeriesRow("oracle/aave/weETH-ETH", hour, OracleColumns, [FromFixedPoint(rate, 18)]));
        }

        return new ChainSnapshot(header.Number.Value, blockTime, hour, rows, skipped);
    }

    /// <summary>
    /// <paramref name="value"/> / 10^<paramref name="decimals"/> as the nearest double: parsed from the exact decimal
    /// text, so there is one rounding (dividing two doubles would round three times).
    /// </summary>
    public static double FromFixedPoint(BigInteger value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value.Sign);
        var digits = value.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        return double.Parse(digits.Insert(digits.Length - decimals, "."), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The start of the UTC hour holding <paramref name="time"/>.</summary>
    public static DateTimeOffset FloorToHour(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds() - (time.ToUnixTimeSeconds() % 3600));

    /// <summary>A call to an address without code returns nothing, which decodes as zeros or fails obscurely: say so instead.</summary>
    private async Task RequireContractAsync(string address, string what, BlockParameter at, CancellationToken cancellationToken)
    {
        var code = await web3.Eth.GetCode.SendRequestAsync(address, at).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(code) || code == "0x")
        {
            throw new InvalidOperationException($"{what} address {address} has no contract at block {at.BlockNumber?.Value} (wrong chain id, or an address of another chain?)");
        }
    }

    private Task<TResult> QueryAsync<TFunction, TResult>(string contract, TFunction message, BlockParameter at, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new() =>
        web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TResult>(contract, message, at).WaitAsync(cancellationToken);

    private Task<TOutput> QueryOutputAsync<TFunction, TOutput>(string contract, TFunction message, BlockParameter at, CancellationToken cancellationToken)
        where TFunction : FunctionMessage, new()
        where TOutput : Nethereum.ABI.FunctionEncoding.Attributes.IFunctionOutputDTO, new() =>
        web3.Eth.GetContractQueryHandler<TFunction>().QueryDeserializingToObjectAsync<TOutput>(message, contract, at).WaitAsync(cancellationToken);
}
