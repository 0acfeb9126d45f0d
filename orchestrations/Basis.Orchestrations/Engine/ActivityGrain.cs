using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Execution;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace Basis.Orchestrations.Engine;

/// <summary>
/// One grain per activity call, placed at random so a fan-out spreads over the silos. It keeps the outcome
/// while active, so a duplicate delivery (the watchdog re-sending after a suspected loss) reports the first
/// result again instead of running the activity twice.
/// </summary>
[RandomPlacement]
internal sealed partial class ActivityGrain(OrchestrationRegistry registry, ActivitySlots slots, ILogger<ActivityGrain> logger) : Grain, IActivityGrain
{
    private string? result;
    private FailureDetails? failure;
    private bool done;

    public async Task Execute(ActivityWorkItem work)
    {
        if (!done)
        {
            await slots.WaitAsync();
            try
            {
                var activity = registry.GetActivity(work.Name);
                result = await activity(new ActivityContext(work.Name, work.InstanceId, work.TaskId, ServiceProvider), work.Input);
            }
#pragma warning disable CA1031 // Any activity error is data for the orchestrator, not a crash of the grain.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = FailureDetails.FromException(ex);
                LogActivityFailed(logger, ex, work.Name, work.InstanceId, work.TaskId);
            }
            finally
            {
                slots.Release();
            }

            done = true;
        }

        // While the orchestration's silo shuts down its grain is between silos and Orleans rejects the report. Nothing
        // else would wake the instance until its watchdog (a minute or more), so the report is made again.
        await SiloHandover.Retry.ExecuteAsync(async _ => await Report(work));
    }

    private Task Report(ActivityWorkItem work)
    {
        var orchestration = GrainFactory.GetGrain<IOrchestrationGrain>(work.InstanceId);
        return failure is null
            ? orchestration.ActivityCompleted(work.Generation, work.TaskId, result)
            : orchestration.ActivityFailed(work.Generation, work.TaskId, failure);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {Activity} of {InstanceId} (task {TaskId}) failed")]
    private static partial void LogActivityFailed(ILogger logger, Exception exception, string activity, string instanceId, int taskId);
}
