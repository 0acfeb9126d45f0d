using System.Globalization;
using Basis.ExchangeSimulator;

// basis-exchange-simulator --data data --configs configs [--port 0] [--start 2025-01-01T00:00:00Z] [--slippage-bps 1]
//   --account KEY:SECRET:USDT[:OKX-PASSPHRASE[:BINANCE-SPOT-USDT]] (repeatable). Prints the base URL once listening; Ctrl+C stops it.
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

var options = new SimulatorOptions
{
    Port = port,
    DataRoot = One("data") ?? "data",
    ConfigsRoot = One("configs") ?? "configs",
    StartUtc = start,
    SlippageBps = slippage,
    Accounts = accounts,
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
