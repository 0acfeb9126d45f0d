using Basis.Api.Http;
using Basis.Live.Execution;
using Basis.Live.Safety;
using Basis.Orchestrations.Live;

namespace Basis.Api.Live;

/// <summary>
/// A host's live side: the ledger in the PostgreSQL database the result store uses (<c>BASIS_DATABASE_CONNECTION</c>)
/// and the <c>BASIS_LIVE_TRADING__*</c> settings. The ledger is opened, and its tables migrated, on first use, so a
/// host whose database is down still starts and says so in <c>/health/detailed</c>. Without a connection the host has
/// no live side (<see cref="IsConfigured"/> is false). Credentials are read from the process environment, as
/// <see cref="ExecutionGate"/> expects of a host; the host's account on the chain (when it has one) checks that a new
/// real instance's capital is in its wallet.
/// </summary>
public sealed class LiveBackend(LiveLedgerSource ledger, LiveTradingSettings trading, TimeProvider time, EnvironmentChain? chain = null)
{
    /// <summary>The setting that names the database.</summary>
    public const string Setting = LiveLedgerSource.Setting;

    /// <summary>True when a database is configured.</summary>
    public bool IsConfigured => ledger.IsConfigured;

    /// <summary>The live operations over the ledger; a failed open (the database down) is tried again on the next call.</summary>
    public async Task<LiveService> OpenAsync(CancellationToken cancellationToken) =>
        new(await ledger.OpenAsync(cancellationToken).ConfigureAwait(false), trading, Environment.GetEnvironmentVariable, time, chain);

    /// <summary>
    /// The <c>live</c> component of <c>/health/detailed</c>: healthy when the ledger answers and no Active instance has
    /// missed its heartbeat; unhealthy, naming those instances, when one has; not configured without a database.
    /// </summary>
    public HealthComponent Health() => !IsConfigured
        ? HealthComponent.NotConfigured("live", $"not configured: live trading keeps its ledger in PostgreSQL; set {Setting}")
        : new HealthComponent("live", [ReadinessChecks.Initialized, ReadinessChecks.Reachable], async (readiness, cancellationToken) =>
        {
            readiness.Pass(ReadinessChecks.Initialized);
            var live = await OpenAsync(cancellationToken).ConfigureAwait(false);
            var (instances, active, silent) = await live.HeartbeatsAsync(cancellationToken).ConfigureAwait(false);
            readiness.Pass(ReadinessChecks.Reachable);
            return silent.Count == 0
                ? $"postgresql: {instances} instances, {active} active"
                : throw new HealthCheckException("heartbeat_missed", $"{silent.Count} of {active} active instances missed their heartbeat: {string.Join(", ", silent)}");
        });
}
