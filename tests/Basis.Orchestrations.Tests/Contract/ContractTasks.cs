using System.Collections.Concurrent;
using Basis.Orchestrations.Hosting;
using Microsoft.DurableTask;

namespace Basis.Orchestrations.Tests.Contract;

/// <summary>The orchestrators and activities the contract suite runs on every back end.</summary>
internal static class ContractTasks
{
    /// <summary>How often each retried input has been attempted (the engine and the tests share the process).</summary>
    public static ConcurrentDictionary<string, int> FlakyAttempts { get; } = new();

    public static DurableTaskTypes Types { get; } = new DurableTaskTypes()
        .AddOrchestrator<FanOut>()
        .AddOrchestrator<Sleep>()
        .AddOrchestrator<Approval>()
        .AddOrchestrator<Counter>()
        .AddOrchestrator<FailingCall>()
        .AddOrchestrator<RetriedCall>()
        .AddOrchestrator<Parent>()
        .AddActivity<Square>()
        .AddActivity<Fail>()
        .AddActivity<FlakyDouble>();
}

/// <summary>n².</summary>
internal sealed class Square : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input * input);
}

/// <summary>Throws <see cref="InvalidOperationException"/> with the input as its message.</summary>
internal sealed class Fail : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => throw new InvalidOperationException(input);
}

/// <summary>Fails the first two attempts for an input (a <see cref="TimeoutException"/>), then returns twice the attempt number.</summary>
internal sealed class FlakyDouble : TaskActivity<string, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, string input)
    {
        var attempt = ContractTasks.FlakyAttempts.AddOrUpdate(input, 1, (_, n) => n + 1);
        return attempt <= 2 ? throw new TimeoutException($"attempt {attempt} of {input} timed out") : Task.FromResult(2 * attempt);
    }
}

/// <summary>Σ i² for i = 1..n, every activity in flight at once.</summary>
internal sealed class FanOut : TaskOrchestrator<int, long>
{
    public override async Task<long> RunAsync(TaskOrchestrationContext context, int input)
    {
        context.SetCustomStatus(new { scheduled = input });
        var squares = await Task.WhenAll(Enumerable.Range(1, input).Select(i => context.CallActivityAsync<int>(nameof(Square), i)));
        return squares.Sum(s => (long)s);
    }
}

/// <summary>Waits on a durable timer for <c>input</c> seconds and returns how long the orchestration's clock moved.</summary>
internal sealed class Sleep : TaskOrchestrator<double, double>
{
    public override async Task<double> RunAsync(TaskOrchestrationContext context, double input)
    {
        var started = context.CurrentUtcDateTime;
        await context.CreateTimer(TimeSpan.FromSeconds(input), CancellationToken.None);
        return (context.CurrentUtcDateTime - started).TotalSeconds;
    }
}

/// <summary>Waits for an "approval" event for <c>input</c> seconds: its payload, or "timed out".</summary>
internal sealed class Approval : TaskOrchestrator<double, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, double input)
    {
        try
        {
            return await context.WaitForExternalEvent<string>("approval", TimeSpan.FromSeconds(input));
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    }
}

/// <summary>Counts to 5 through ContinueAsNew, one execution per step, then returns 5.</summary>
internal sealed class Counter : TaskOrchestrator<int, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        if (input < 5)
        {
            context.ContinueAsNew(input + 1);
        }

        return Task.FromResult(input);
    }
}

/// <summary>Calls <see cref="Fail"/> with its input and does not catch it.</summary>
internal sealed class FailingCall : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) => context.CallActivityAsync<string>(nameof(Fail), input);
}

/// <summary>Calls <see cref="FlakyDouble"/> with up to three attempts.</summary>
internal sealed class RetriedCall : TaskOrchestrator<string, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<int>(nameof(FlakyDouble), input, TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromMilliseconds(200))));
}

/// <summary>
/// Runs <c>input</c> <see cref="FanOut"/> children of 10 (each 385) and one <see cref="FailingCall"/> child, and
/// returns the children's sum and the failed child's error.
/// </summary>
internal sealed class Parent : TaskOrchestrator<int, ParentResult>
{
    public override async Task<ParentResult> RunAsync(TaskOrchestrationContext context, int input)
    {
        var sums = await Task.WhenAll(Enumerable.Range(0, input).Select(i =>
            context.CallSubOrchestratorAsync<long>(nameof(FanOut), 10, new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}-{i:D3}" })));
        try
        {
            await context.CallSubOrchestratorAsync<string>(nameof(FailingCall), "child failed");
            return new ParentResult(sums.Sum(), null);
        }
        catch (TaskFailedException failed)
        {
            return new ParentResult(sums.Sum(), failed.FailureDetails.InnerFailure?.ErrorMessage ?? failed.FailureDetails.ErrorMessage);
        }
    }
}

internal sealed record ParentResult(long Sum, string? ChildError);
