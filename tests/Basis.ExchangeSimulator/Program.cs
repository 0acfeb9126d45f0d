using System.Globalization;
using Basis.ExchangeSimulator;
using Basis.ExchangeSimulator.Chain;

// basis-exchange-simulator --data data --configs configs [--port 0] [--start 2025-01-01T00:00:00Z] [--slippage-bps 1]
//   --account KEY:SECRET:USDT[:OKX-PASSPHRASE[:BINANCE-SPOT-USDT]] (repeatable). Prints the base URL once listening; Ctrl+C stops it.
// A chain for deposits and withdrawals: --chain-rpc URL --chain-token ASSET=0xCONTRACT (repeatable) [--chain-confirmations 1]
//   [--chain-withdrawal-fee ASSET=FEE (repeatable)], the hot wallet's key in BASIS_SIM_HOT_WALLET_KEY (not on the command line).
var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal))
    {
        await Console.Error.WriteLineAsync($"expected an option, got '{args[i]}'").ConfigureAwait(false);
        return 2;
    }

    values.TryAdd(args[i][2..], []);
    values[args[i][2..]].Add(args[i + 1]);
}

string? One(string name) => values.TryGetValue(name, out var v) ? v[^1] : null;
var errors = new List<string>();
var accounts = new List<SimulatorAccount>();
foreach (var text in values.GetValueOrDefault("account") ?? [])
{
    var parts = text.Split(':');
    var spotUsdt = 0m;
    if (parts.Length is >= 3 and <= 5 && decimal.TryParse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var usdt)
        && (parts.Length < 5 || decimal.TryParse(parts[4], NumberStyles.Number, CultureInfo.InvariantCulture, out spotUsdt)))
    {
        accounts.Add(new SimulatorAccount(parts[0], parts[1], usdt, parts.Length >= 4 ? parts[3] : string.Empty, spotUsdt));
    }
    else
    {
        errors.Add($"--account: '{text}' is not KEY:SECRET:USDT[:PASSPHRASE[:BINANCE-SPOT-USDT]]");
    }
}

var port = 0;
if (One("port") is { } portText && !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port))
{
    errors.Add($"--port: '{portText}' is not a number");
}

var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
if (One("start") is { } startText && !DateTime.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out start))
{
    errors.Add($"--start: '{startText}' is not a UTC time");
}

var slippage = 0m;
if (One("slippage-bps") is { } slippageText && !decimal.TryParse(slippageText, NumberStyles.Number, CultureInfo.InvariantCulture, out slippage))
{
    errors.Add($"--slippage-bps: '{slippageText}' is not a number");
}

Dictionary<string, T> Pairs<T>(string name, Func<string, (bool Ok, T Value)> parse)
{
    var pairs = new Dictionary<string, T>(StringComparer.Ordinal);
    foreach (var text in values.GetValueOrDefault(name) ?? [])
    {
        if (text.Split('=', 2) is [var key, var value] && parse(value) is (true, var parsed))
        {
            pairs[key] = parsed;
        }
        else
        {
            errors.Add($"--{name}: '{text}' is not ASSET=VALUE");
        }
    }

    return pairs;
}

SimulatorChain? chain = null;
if (One("chain-rpc") is { } rpc)
{
    var confirmations = 1;
    if (One("chain-confirmations") is { } confirmationsText && !int.TryParse(confirmationsText, NumberStyles.None, CultureInfo.InvariantCulture, out confirmations))
    {
        errors.Add($"--chain-confirmations: '{confirmationsText}' is not a number");
    }

    chain = new SimulatorChain
    {
        RpcUrl = rpc,
        Tokens = Pairs("chain-token", v => (true, v)),
        Confirmations = confirmations,
        HotWalletPrivateKey = Environment.GetEnvironmentVariable("BASIS_SIM_HOT_WALLET_KEY") ?? string.Empty,
        WithdrawalFees = Pairs("chain-withdrawal-fee", v => (decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var fee), fee)),
    };
}

var options = new SimulatorOptions
{
    Port = port,
    DataRoot = One("data") ?? "data",
    ConfigsRoot = One("configs") ?? "configs",
    StartUtc = start,
    SlippageBps = slippage,
    Accounts = accounts,
    Chain = chain,
};
errors.AddRange(options.Validate());
if (errors.Count > 0)
{
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
    }

    return 2;
}

await using var host = await SimulatorHost.StartAsync(options).ConfigureAwait(false);
Console.WriteLine(host.BaseUrl);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
await host.WaitForShutdownAsync(stop.Token).ConfigureAwait(false);
return 0;
