namespace Basis.Orchestrations.Abstractions;

/// <summary>
/// An error as data: the exception's type name and message, and the failure that caused it (for a failed
/// orchestration, the failed activity's own error).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FailureDetails(
    [property: Id(0)] string ErrorType,
    [property: Id(1)] string ErrorMessage,
    [property: Id(2)] string? StackTrace = null,
    [property: Id(3)] FailureDetails? InnerFailure = null)
{
    public static FailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        FailureDetails? inner = exception switch
        {
            TaskFailedException failed => failed.FailureDetails,
            { InnerException: { } e } => FromException(e),
            _ => null,
        };
        return new FailureDetails(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace, inner);
    }

    /// <summary>True when this failure or one it wraps is of the given exception type (full or short name).</summary>
    public bool IsCausedBy(string errorType) =>
        ErrorType == errorType || ErrorType.EndsWith("." + errorType, StringComparison.Ordinal) || (InnerFailure?.IsCausedBy(errorType) ?? false);

    /// <summary>The innermost failure: the error that started it all (an activity's own exception).</summary>
    public FailureDetails Innermost() => InnerFailure?.Innermost() ?? this;

    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}
