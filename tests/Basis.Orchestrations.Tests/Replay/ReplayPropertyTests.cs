using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Replay;
using CsCheck;

namespace Basis.Orchestrations.Tests.Replay;

/// <summary>Invariants of the replay core that must hold whatever order and batching results arrive in.</summary>
public sealed class ReplayPropertyTests
{
    private static readonly OrchestrationRegistry Registry = SampleOrchestrations.Registry;

    [Fact]
    public void Fan_out_gives_the_same_sum_in_any_delivery_order_and_its_finished_history_replays_to_nothing()
    {
        Gen.Select(Gen.Int[0, 40], Gen.Int).Sample((n, seed) =>
        {
            var driver = new InMemoryDriver(Registry, new Random(seed));
            var state = driver.RunAsync("FanOut", n).GetAwaiter().GetResult();

            // Σ i² for i = 1..n = n(n+1)(2n+1)/6
            int expected = n * (n + 1) * (2 * n + 1) / 6;
            return state.Status == OrchestrationRuntimeStatus.Completed
                && JsonData.Deserialize<int>(state.Output) == expected
                && OrchestrationReplayer.Run(Registry, state.InstanceId, state.History, []).Actions.Count == 0;
        }, iter: 100);
    }
}
