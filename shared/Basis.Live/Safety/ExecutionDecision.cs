namespace Basis.Live.Safety;

/// <summary>The execution an instance gets, and when it asked for real execution and got paper, every reason why.</summary>
/// <param name="Kind">What the instance runs as.</param>
/// <param name="Refusals">Each switch or variable that kept it on paper, by name (never a value); empty when none did.</param>
public sealed record ExecutionDecision(ExecutionKind Kind, IReadOnlyList<string> Refusals)
{
    /// <summary>Paper, as asked.</summary>
    public static ExecutionDecision Paper { get; } = new(ExecutionKind.Paper, []);
}
