using Basis.Api.Http;
using Basis.Api.Live;
using Basis.Data.Stores;
using Basis.Live.Execution;
using Basis.Live.Reconciliation;
using Basis.Live.Safety;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Live;

namespace Basis.Api.Hosting;

/// <summary>
/// The services both hosts (the self-hosted server and the Azure Functions app) register: the configuration, the
/// workspace the activities and the application layer share, API access, the HTTP handlers, the live side, and the
/// health components that do not depend on the host (each host adds its orchestration back end's).
/// </summary>
public static class BasisApiServices
{
    public static IServiceCollection AddBasisApi(this IServiceCollection services, PipelineComponents components, bool sharedScratch)
    {
        ArgumentNullException.ThrowIfNull(components);
        var configuration = components.Configuration;

        // Checked once, on the first health check: the configuration is loaded once, so re-reading the files on every
        // probe would report on files the host is not running with.
        var modes = new Lazy<int>(() => configuration.ResolveAllModes().Count);

        // The segments of a long run must be readable by whichever process assembles them: the result store when
        // processes share the work; in one process, memory.
        var scratch = sharedScratch ? components.Results : new MemoryResultStore();
        var keys = new ApiKeys(components.Host.ApiKeyHashes);
        services.AddSingleton(configuration);
        services.AddSingleton(new BacktestWorkspace(configuration, components.Data, components.Results, scratch));
        services.AddSingleton(keys);
        services.AddSingleton(new ApiAccess(keys, components.Host.RequireKeyForReads));
        services.AddSingleton(new ApiLimits(components.Host.MaxBodyBytes));
        services.AddSingleton<RunHandlers>();
        services.AddSingleton<StrategyHandlers>();
        services.AddSingleton<HealthHandlers>();
        services.AddSingleton(new HostVitals(components.Host.ExecutionMode, new SystemUsage(ResultsDiskPath(components.Host))));
        services.AddSingleton(new HealthComponent("configuration", [ReadinessChecks.Initialized, ReadinessChecks.ModesValid], (readiness, _) =>
        {
            readiness.Pass(ReadinessChecks.Initialized);
            var count = modes.Value;
            readiness.Pass(ReadinessChecks.ModesValid);
            return Task.FromResult($"{count} modes valid");
        }));
        services.AddSingleton(HealthComponent.Reachable("data_source", components.Host.MarketData.Mode.ToString().ToLowerInvariant(), components.Data.CheckHealthAsync));
        services.AddSingleton(HealthComponent.Reachable("result_store", components.Results is PostgresResultStore ? "postgresql" : "folder", components.Results.CheckHealthAsync));

        // Live trading keeps its ledger in the result store's database; its settings are read now so bad ones stop the host.
        // The live side keeps its own clock (BASIS_LIVE_CLOCK_START can start it in the past); nothing else uses it.
        var trading = LiveTradingSettings.From(components.Settings.Layers);
        var clock = LiveClock.From(components.Settings.Layers);
        services.AddSingleton(trading);
        services.AddSingleton(clock);
        services.AddSingleton(new LiveLedgerSource(components.Host.MarketData.DatabaseConnection));

        // Real instances trade on, and are reconciled against, the venues and the chain account of BASIS_ENVIRONMENT, with
        // its credentials from the process environment only (as the execution gate reads them); configs/live/reconcile.yaml
        // and orders.yaml are read now, like the settings, the chain account when an instance first needs it (a new real
        // instance's capital is checked in its wallet).
        var venueHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var chain = new EnvironmentChain(Environment.GetEnvironmentVariable, components.Settings.ConfigsDirectory);
        // The exchanges withdraw to the host's own wallet and nowhere else.
        var wallet = chain.WalletAddress() is { } address ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) { address } : null;
        var exchanges = new EnvironmentExchangeClients(Environment.GetEnvironmentVariable, venueHttp, clock, wallet);
        var reconciliation = new LiveReconciliation(
            new Reconciler(ReconcileTolerances.Load(components.Settings.ConfigsDirectory)), new EnvironmentVenueReaders(exchanges, chain));
        var real = new RealExecution(exchanges, OrderRules.Load(components.Settings.ConfigsDirectory), Environment.GetEnvironmentVariable, chain);
        services.AddSingleton(provider => new LiveBackend(provider.GetRequiredService<LiveLedgerSource>(), trading, clock, chain));
        services.AddSingleton(provider => new LiveRuntime(provider.GetRequiredService<LiveLedgerSource>(), provider.GetRequiredService<BacktestWorkspace>(), trading, clock, reconciliation, real));
        services.AddSingleton(new LiveTimerSwitch(components.Host.RunsLiveTimers));
        services.AddSingleton(provider => provider.GetRequiredService<LiveBackend>().Health());
        services.AddSingleton<LiveHandlers>();
        return services;
    }

    /// <summary>
    /// Where /health measures the disk: BASIS_RESULTS_DIR, else <c>results</c> in the current folder (the server's
    /// repository or container folder, the Functions app's own), which is where results, scratch and logs fill a disk.
    /// </summary>
    private static string ResultsDiskPath(HostSettings host) => Path.GetFullPath(host.ResultsDirectory ?? "results");
}
