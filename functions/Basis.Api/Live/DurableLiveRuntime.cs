using System.Globalization;
using Basis.Orchestrations.Live;
using Microsoft.DurableTask.Client;

namespace Basis.Api.Live;

/// <summary>
/// The HTTP API's way into the live runtime: a rebalance starts the instance's cycle orchestration now (the same one
/// the timers start, so it never runs beside another cycle of the instance); deposits and withdrawals are recorded
/// for the engine to apply at the next whole hour.
/// </summary>
public sealed class DurableLiveRuntime(LiveRuntime runtime, DurableTaskClient engine, TimeProvider time) : ILiveRuntime
{
    /// <inheritdoc />
    public async Task<LiveRuntimeReceipt> RebalanceAsync(string instanceId, CancellationToken cancellationToken) =>
        await LiveSignals.RequestCycleAsync(engine, instanceId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            ? new LiveRuntimeReceipt("accepted", "a cycle started: the strategy decides on every hour up to now (an instance that is not active does nothing)")
            : new LiveRuntimeReceipt("running", "a cycle of the instance is already running; it covers this request");

    /// <inheritdoc />
    public Task<LiveRuntimeReceipt> DepositAsync(string instanceId, decimal amount, CancellationToken cancellationToken) =>
        FlowAsync(instanceId, amount, "deposit", "the strategy deploys it like any idle funds", cancellationToken);

    /// <inheritdoc />
    public Task<LiveRuntimeReceipt> WithdrawAsync(string instanceId, decimal amount, CancellationToken cancellationToken) =>
        FlowAsync(instanceId, -amount, "withdrawal", "paid from idle cash first, the rest by unwinding pro rata", cancellationToken);

    private async Task<LiveRuntimeReceipt> FlowAsync(string instanceId, decimal amount, string what, string how, CancellationToken cancellationToken)
    {
        DateTimeOffset at;
        try
        {
            at = await runtime.RecordFlowAsync(instanceId, amount, cancellationToken).ConfigureAwait(false);
        }
        catch (LiveFlowRefusedException e)
        {
            throw new LiveRequestException(new Dictionary<string, List<string>> { ["amount"] = [e.Message] });
        }

        return new LiveRuntimeReceipt("accepted", string.Create(CultureInfo.InvariantCulture, $"the {what} is applied at {at:yyyy-MM-ddTHH:mm}Z by the cycle of that hour: {how}"));
    }
}
