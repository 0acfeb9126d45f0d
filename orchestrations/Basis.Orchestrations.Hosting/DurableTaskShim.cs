using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace Basis.Orchestrations.Hosting;

/// <summary>
/// The one place that puts <c>Microsoft.DurableTask</c> orchestrators and activities on a DurableTask.Core
/// <see cref="TaskHubWorker"/>, through the SDK's <see cref="DurableTaskShimFactory"/>. That factory is public but
/// documented as "not intended for application code", so its package is pinned to an exact version
/// (Directory.Packages.props) and everything that touches it stays in this class.
/// </summary>
internal static class DurableTaskShim
{
    /// <summary>
    /// Registers every type on the worker: an orchestrator is created anew per execution; an activity per call, from
    /// <paramref name="services"/> (so activities take the host's services by constructor).
    /// </summary>
    public static void Register(TaskHubWorker worker, DurableTaskTypes types, IServiceProvider services, DataConverter converter)
    {
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = converter }, services.GetService<Microsoft.Extensions.Logging.ILoggerFactory>());
        worker.AddTaskOrchestrations(types.Orchestrators
            .Select(t => new Creator<TaskOrchestration>(t.Key, () => shims.CreateOrchestration(new TaskName(t.Key), (ITaskOrchestrator)Activator.CreateInstance(t.Value)!)))
            .ToArray<ObjectCreator<TaskOrchestration>>());
        worker.AddTaskActivities(types.Activities
            .Select(t => new Creator<TaskActivity>(t.Key, () => shims.CreateActivity(new TaskName(t.Key), (ITaskActivity)ActivatorUtilities.CreateInstance(services, t.Value))))
            .ToArray<ObjectCreator<TaskActivity>>());

        // The shim reports failures as FailureDetails (the Microsoft.DurableTask model), not as serialised exceptions.
        worker.ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails;
    }

    private sealed class Creator<T> : ObjectCreator<T>
    {
        private readonly Func<T> _create;

        public Creator(string name, Func<T> create)
        {
            Name = name;
            Version = string.Empty;
            _create = create;
        }

        public override T Create() => _create();
    }
}
