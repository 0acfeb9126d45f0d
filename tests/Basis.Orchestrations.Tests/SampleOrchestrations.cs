using System.Collections.Concurrent;
using System.Globalization;
using Basis.Orchestrations.Abstractions;

namespace Basis.Orchestrations.Tests;

/// <summary>The orchestrators and activities every test drives, in-memory or on the Orleans cluster.</summary>
internal static class SampleOrchestrations
{
    /// <summary>How many times each "FlakyDouble" input has been attempted (shared by all silos in the process).</summary>
    public static ConcurrentDictionary<string, int> FlakyAttempts { get; } = new();

    /// <summary>Every "Square" call that ran, by "instance|task": lets a test account for each activity result.</summary>
    public static ConcurrentDictionary<string, int> SquareCalls { get; } = new();

    /// <summary>Every "SlowSquare" call that ran, by "instance|task".</summary>
    public static ConcurrentDictionary<string, int> SlowSquareCalls { get; } = new();

    public static OrchestrationRegistry Registry { get; } = Build();

    private static OrchestrationRegistry Build() => new OrchestrationRegistry()
        .AddActivity<int, int>("Square", async (context, n) =>
        {
            SquareCalls.AddOrUpdate($"{context.InstanceId}|{context.TaskId}", 1, (_, calls) => calls + 1);
            await Task.Yield();
            return n * n;
        })
        .AddActivity<int, int>("SlowSquare", async (context, n) =>
        {
            SlowSquareCalls.AddOrUpdate($"{context.InstanceId}|{context.TaskId}", 1, (_, calls) => calls + 1);
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            return n * n;
        })
        .AddActivity<string, string>("Fail", message => throw new InvalidOperationException(message))
        .AddActivity<string, int>("FlakyDouble", key =>
        {
            int attempt = FlakyAttempts.AddOrUpdate(key!, 1, (_, n) => n + 1);
            return attempt == 1 ? throw new TimeoutException($"attempt {attempt} of {key} timed out") : 2 * attempt;
        })
        // Sum of squares 1..n, all activities in flight at once.
        .AddOrchestrator("FanOut", async context =>
        {
            int n = context.GetInput<int>();
            context.SetCustomStatus(new { scheduled = n });
            int[] squares = await Task.WhenAll(Enumerable.Range(1, n).Select(i => context.CallActivityAsync<int>("Square", i)));
            return squares.Sum();
        })
        // Sum of squares 1..(batches × 20), one batch of 20 activities at a time; the custom status counts finished batches.
        .AddOrchestrator("Batches", async context =>
        {
            int batches = context.GetInput<int>();
            int sum = 0;
            for (int batch = 0; batch < batches; batch++)
            {
                int[] squares = await Task.WhenAll(Enumerable.Range(batch * 20 + 1, 20).Select(i => context.CallActivityAsync<int>("SlowSquare", i)));
                sum += squares.Sum();
                context.SetCustomStatus(batch + 1);
            }

            return sum;
        })
        // Returns the recorded time before and after a durable timer.
        .AddOrchestrator("Sleep", async context =>
        {
            TimeSpan delay = TimeSpan.FromMilliseconds(context.GetInput<int>());
            DateTime before = context.CurrentUtcDateTime;
            await context.CreateTimer(before + delay, CancellationToken.None);
            return new[] { before, context.CurrentUtcDateTime };
        })
        .AddOrchestrator("Approval", async context =>
        {
            int timeoutMs = context.GetInput<int>();
            try
            {
                string? answer = await context.WaitForExternalEvent<string>("Approved", TimeSpan.FromMilliseconds(timeoutMs));
                return "approved by " + answer;
            }
            catch (TimeoutException)
            {
                return "timed out";
            }
        })
        // Counts up to 5, one execution per step.
        .AddOrchestrator("Counter", async context =>
        {
            int count = context.GetInput<int>();
            int squared = await context.CallActivityAsync<int>("Square", count);
            if (count < 5)
            {
                context.ContinueAsNew(count + 1);
            }

            return squared + count;
        })
        .AddOrchestrator("Failing", async context =>
        {
            await context.CallActivityAsync<int>("Square", 3);
            return await context.CallActivityAsync<string>("Fail", "the venue rejected the order");
        })
        .AddOrchestrator("Retrying", context =>
            context.CallActivityAsync<int>("FlakyDouble", context.InstanceId, new RetryPolicy(3, TimeSpan.FromMilliseconds(50), 2.0)))
        .AddOrchestrator("Guids", context =>
        {
            Guid[] guids = [context.NewGuid(), context.NewGuid()];
            return Task.FromResult(guids);
        })
        // What IsReplaying was at each step of the final turn.
        .AddOrchestrator("ReplayFlags", async context =>
        {
            var flags = new List<bool> { context.IsReplaying };
            await context.CallActivityAsync<int>("Square", 1);
            flags.Add(context.IsReplaying);
            await context.CallActivityAsync<int>("Square", 2);
            flags.Add(context.IsReplaying);
            return flags;
        })
        .AddOrchestrator("WaitForever", context => context.WaitForExternalEvent<string>("Never"));

    /// <summary>
    /// A finished <c>Batches</c> run of 10 batches × 20 (200 SlowSquare calls) completed, each result counted exactly
    /// once: Σ i² for i = 1..200 = 200·201·401 / 6 = 2,686,700, and every task ran.
    /// </summary>
    public static void AssertBatchesCompletedWithEveryResultOnce(OrchestrationMetadata done)
    {
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(2_686_700, done.ReadOutputAs<int>());
        Assert.Equal(10, done.ReadCustomStatusAs<int>());
        var id = done.InstanceId;
        var ran = SlowSquareCalls.Keys.Where(k => k.StartsWith(id + "|", StringComparison.Ordinal))
            .Select(k => int.Parse(k[(id.Length + 1)..], CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 200).ToHashSet(), ran);
    }
}
