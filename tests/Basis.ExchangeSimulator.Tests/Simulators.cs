namespace Basis.ExchangeSimulator.Tests;

/// <summary>Starting simulators over the repository's sample data and configs.</summary>
internal static class Simulators
{
    public const string Key = "sim-key-1";

    // Binance's published USDⓈ-M example secret (SIGNING_VECTORS.md): not a credential.
    public const string Secret = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";

    public const string Passphrase = "sim-passphrase";

    /// <summary>Each venue's trading wallet starts with <paramref name="startingUsdt"/>, Binance's spot account with as much.</summary>
    public static Task<SimulatorHost> StartAsync(decimal startingUsdt = 10_000m, decimal slippageBps = 0m) =>
        SimulatorHost.StartAsync(
            new SimulatorOptions
            {
                DataRoot = Repository.Data,
                ConfigsRoot = Repository.Configs,
                SlippageBps = slippageBps,
                Accounts = [new SimulatorAccount(Key, Secret, startingUsdt, Passphrase, startingUsdt)],
            },
            TestContext.Current.CancellationToken);
}
