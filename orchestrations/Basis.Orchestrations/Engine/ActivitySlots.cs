using Microsoft.Extensions.Options;

namespace Basis.Orchestrations.Engine;

/// <summary>The silo's bound on activities running at once (<see cref="OrchestrationEngineOptions.MaxConcurrentActivities"/>).</summary>
internal sealed class ActivitySlots(IOptions<OrchestrationEngineOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentActivities);

    public Task WaitAsync() => _slots.WaitAsync();

    public void Release() => _slots.Release();

    public void Dispose() => _slots.Dispose();
}
