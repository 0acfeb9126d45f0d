using Polly;
using Polly.Retry;

namespace Basis.Orchestrations.Engine;

/// <summary>
/// Retries a grain call that Orleans rejected because the grain's silo is shutting down: the grain is between silos
/// for a moment and the call succeeds once it is placed on a live one. Only rejections are retried; the engine's
/// grain methods are idempotent for them (a result or event is taken once, a status read has no effect).
/// </summary>
internal static class SiloHandover
{
    private const int Attempts = 6;

    public static ResiliencePipeline Retry { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<OrleansMessageRejectionException>(),
            MaxRetryAttempts = Attempts - 1,
            Delay = TimeSpan.FromMilliseconds(250),
            BackoffType = DelayBackoffType.Linear,
        })
        .Build();
}
