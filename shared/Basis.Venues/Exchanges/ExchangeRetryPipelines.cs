using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Basis.Venues.Exchanges;

internal static class ExchangeRetryPipelines
{
    /// <summary>
    /// Retries rate-limit rejections (the request was not executed; the client's pause holds the next attempt) and,
    /// only when <paramref name="retryWhenOutcomeUnknown"/>, 5xx/timeouts/broken connections with exponential back-off.
    /// An IP ban is never retried.
    /// </summary>
    public static ResiliencePipeline Build(
        ExchangeVenue venue, int maxRetryAttempts, TimeSpan baseDelay, bool retryWhenOutcomeUnknown, TimeProvider time, ILogger logger) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                Delay = baseDelay,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder().Handle<ExchangeException>(e =>
                    e.Kind == ExchangeErrorKind.RateLimited
                    || (retryWhenOutcomeUnknown && e.Kind == ExchangeErrorKind.ExchangeUnavailable)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Exception is ExchangeException { Kind: ExchangeErrorKind.RateLimited } ? TimeSpan.Zero : null),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "Retrying a {Venue} request (attempt {Attempt}) after {Failure}",
                        venue, args.AttemptNumber + 2, (args.Outcome.Exception as ExchangeException)?.Kind);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
}
