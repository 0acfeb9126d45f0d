using System.CommandLine;
using System.Numerics;
using Basis.Core.Market;
using Basis.Core.Time;
using Basis.Data.Canonical;
using Basis.Venues.Ethereum;
using Basis.Venues.MarketData;
using Nethereum.Web3;

namespace Basis.Server.Cli;

/// <summary>
/// <c>basis data fetch</c>: reads one block's AAVE reserve indices and rates and the LST rates from a node and files
/// them under the block's hour in a canonical folder, so live runs value positions from the same series as backtests.
/// </summary>
internal static class DataFetchCommand
{
    /// <summary>The file holding the contract addresses per chain id, under the configs folder.</summary>
    public const string ContractsFile = ChainContracts.RelativePath;

    /// <summary>What happened to one fetched row.</summary>
    internal enum Outcome
    {
        /// <summary>The hour was not in the file; the row was added.</summary>
        Written,

        /// <summary>The hour was in the file with the same values; nothing changed.</summary>
        AlreadyThere,
    }

    public static Command Create(CliOutput output)
    {
        var rpc = new Option<string?>("--rpc") { Description = "JSON-RPC endpoint (default: BASIS_{ENV}__ALCHEMY__RPC_URL, ENV from BASIS_ENVIRONMENT, dev when unset). Never printed." };
        var chainId = new Option<long>("--chain-id") { Description = "The chain's id; its addresses come from configs/" + ContractsFile + ".", Required = true };
        var to = new Option<string>("--to") { Description = "Folder in the canonical layout to add the hour's rows to (created if missing).", Required = true };
        var at = new Option<long?>("--at") { Description = "Read at this block number instead of the latest (an old block needs an archive node)." };
        var contracts = new Option<string?>("--contracts") { Description = "The contract addresses file, instead of configs/" + ContractsFile + "." };
        var command = new Command("fetch", "Read the current hour's AAVE reserve indices and rates and the LST rates from the chain and add them to a canonical folder (re-running within the hour adds nothing).") { rpc, chainId, to, at, contracts };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var url = RpcUrl(parse.GetValue(rpc));
            var chain = parse.GetValue(chainId);
            if (chain <= 0)
            {
                throw new BadInputException($"--chain-id: {chain} is not a chain id (a positive number, e.g. 1 for mainnet)");
            }

            if (parse.GetValue(at) is < 0)
            {
                throw new BadInputException($"--at: {parse.GetValue(at)} is not a block number");
            }

            var file = parse.GetValue(contracts) ?? Path.Combine(CliPaths.Configs(null), ContractsFile.Replace('/', Path.DirectorySeparatorChar));
            var addresses = LoadAddresses(file, chain);
            var root = parse.GetRequiredValue(to);

            var snapshot = await ReadAsync(url, addresses.MarketData(), parse.GetValue(at), cancellationToken).ConfigureAwait(false);
            var outcomes = Append(root, snapshot.Rows);
            output.Line($"Block {snapshot.Block} at {UnixTime.Format(snapshot.BlockTime.ToUnixTimeSeconds())}: hour {UnixTime.Format(snapshot.Hour.ToUnixTimeSeconds())} in {Path.GetFullPath(root)}");
            foreach (var (row, outcome) in snapshot.Rows.Zip(outcomes))
            {
                var values = string.Join(", ", row.Columns.Zip(row.Values, (c, v) => $"{c} {CanonicalSeriesWriter.FormatValue(v, ColumnType.Number)}"));
                output.Line($"  {row.Series,-24} {(outcome == Outcome.Written ? "written" : "already there"),-13} {values}");
            }

            foreach (var reason in snapshot.Skipped)
            {
                output.Line($"  skipped {reason}");
            }

            foreach (var (key, symbol) in ChainContracts.AaveReserveKeys.Where(t => !addresses.AaveReserves.ContainsKey(t.Symbol)))
            {
                output.Line($"  not configured aave/{addresses.Network}/{symbol}: no tokens.{key} for chain {chain} in {file}");
            }

            output.Line("  not yet from the chain: peg/* (market_rate needs a DEX quote), oracle/aave/ETH-USD, gas/*; see docs/data-series.md");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// Adds each row to its series' month file, keeping the file's rows in order. A row whose hour is already there
    /// with the same values changes nothing; with other values it is an error naming the file and hour, and then no
    /// file is written (every row is checked before any is written).
    /// </summary>
    internal static IReadOnlyList<Outcome> Append(string root, IReadOnlyList<ChainSeriesRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var outcomes = new List<Outcome>();
        var toWrite = new List<SeriesData>();
        foreach (var row in rows)
        {
            var id = SeriesId.Parse(row.Series);
            var spec = SeriesCatalog.Spec(id);
            if (!row.Columns.SequenceEqual(spec.Columns.Select(c => c.Name)))
            {
                throw new InvalidOperationException($"{row.Series}: the chain row has columns {string.Join(',', row.Columns)}, the series has {string.Join(',', spec.Columns.Select(c => c.Name))}");
            }

            var time = row.Hour.ToUnixTimeSeconds();
            if (time % 3600 != 0)
            {
                throw new InvalidOperationException($"{row.Series}: {UnixTime.Format(time)} is not a whole hour");
            }

            var hour = row.Hour.UtcDateTime;
            var month = new DateTime(hour.Year, hour.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            var path = CanonicalLayout.MonthFile(root, id, hour.Year, hour.Month);
            var existing = File.Exists(path) ? CanonicalSeriesReader.ReadFile(path, id, month) : SeriesData.Empty(id);
            var index = existing.Times.BinarySearch(time);
            if (index >= 0)
            {
                // Compared as the file writes them: a value that reads back equal is the same value.
                var differing = Enumerable.Range(0, spec.Columns.Count)
                    .Where(c => Text(existing.Column(c)[index]) != Text(row.Values[c]))
                    .Select(c => $"{spec.Columns[c].Name} {Text(existing.Column(c)[index])} in the file, {Text(row.Values[c])} on the chain")
                    .ToList();
                if (differing.Count > 0)
                {
                    throw new InvalidOperationException($"{path}: hour {UnixTime.Format(time)} already holds a different row ({string.Join("; ", differing)}); nothing was written");
                }

                outcomes.Add(Outcome.AlreadyThere);
                continue;
            }

            toWrite.Add(Insert(existing, ~index, time, row.Values));
            outcomes.Add(Outcome.Written);
        }

        foreach (var series in toWrite)
        {
            CanonicalSeriesWriter.Write(root, series);
        }

        return outcomes;
    }

    /// <summary>The addresses of chain <paramref name="chainId"/> in the contracts file; bad input naming the file when they cannot be read.</summary>
    internal static ChainContracts LoadAddresses(string file, long chainId)
    {
        try
        {
            return ChainContracts.Load(file, chainId);
        }
        catch (ChainContractsException e)
        {
            throw new BadInputException(e.Message);
        }
    }

    private static async Task<ChainSnapshot> ReadAsync(Uri url, ChainMarketDataAddresses addresses, long? block, CancellationToken cancellationToken)
    {
        try
        {
            return await new ChainMarketDataReader(new Web3(url.ToString()), addresses).ReadAsync(block is { } b ? new BigInteger(b) : null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Alchemy's URL carries the API key: keep it out of the message.
            var message = e.InnerException is { } inner && inner.Message.Length > 0 && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message} ({inner.Message})" : e.Message;
            throw new InvalidOperationException($"reading the chain failed: {message.Replace(url.ToString(), "<rpc>", StringComparison.Ordinal).Replace(url.ToString().TrimEnd('/'), "<rpc>", StringComparison.Ordinal)}", e);
        }
    }

    private static Uri RpcUrl(string? option)
    {
        string text, source;
        if (option is not null)
        {
            (text, source) = (option, "--rpc");
        }
        else
        {
            var environment = Environment.GetEnvironmentVariable("BASIS_ENVIRONMENT") is { Length: > 0 } e ? e.Trim().ToLowerInvariant() : "dev";
            var prefix = environment switch
            {
                "dev" => "DEV",
                "staging" => "STAGING",
                "production" or "prod" => "PROD",
                _ => throw new BadInputException($"BASIS_ENVIRONMENT must be dev, staging, production or prod (got '{environment}')"),
            };
            source = $"BASIS_{prefix}__ALCHEMY__RPC_URL";
            text = Environment.GetEnvironmentVariable(source) is { Length: > 0 } value
                ? value.Trim()
                : throw new BadInputException($"no RPC endpoint: pass --rpc URL or set {source}");
        }

        // The value is not echoed: it may carry an API key.
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new BadInputException($"{source} is not an http(s) URL");
    }

    private static SeriesData Insert(SeriesData series, int at, long time, IReadOnlyList<double> values)
    {
        var times = series.Times.ToArray().ToList();
        times.Insert(at, time);
        var columns = new double[series.Spec.Columns.Count][];
        for (var c = 0; c < columns.Length; c++)
        {
            var column = series.Column(c).ToArray().ToList();
            column.Insert(at, values[c]);
            columns[c] = [.. column];
        }

        return new SeriesData(series.Id, [.. times], columns);
    }

    private static string Text(double value) => CanonicalSeriesWriter.FormatValue(value, ColumnType.Number);
}
