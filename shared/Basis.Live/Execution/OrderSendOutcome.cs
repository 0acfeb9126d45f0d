namespace Basis.Live.Execution;

/// <summary>What sending an instance's outbox did.</summary>
/// <param name="Placed">Orders the venues took in this send (placed now, or found there from a send a crash cut short).</param>
/// <param name="Filled">Fills recorded.</param>
/// <param name="Failure">Why sending stopped before the outbox was empty (a venue error after the client's retries, an order the venue refused), or null.</param>
public sealed record OrderSendOutcome(int Placed, int Filled, string? Failure)
{
    /// <summary>True when the venue took every order of the outbox.</summary>
    public bool Succeeded => Failure is null;
}
