using System.Globalization;

namespace Basis.Core.Simulation;

/// <summary>Capital deposited (positive) or withdrawn (negative) at an hour, in share-class units.</summary>
public sealed record CapitalFlow(DateTime TimeUtc, double Amount)
{
    /// <summary>
    /// Why the flows cannot all be paid, or null when they can as far as is known before the run: the first withdrawal
    /// that takes more than the capital and the deposits before it (deposits of the same hour count first). Whether a
    /// withdrawal fits the equity the strategy made by then is only known during the run, which refuses it then.
    /// </summary>
    public static string? Overdraft(double initialCapital, IEnumerable<CapitalFlow> flows, string unit)
    {
        ArgumentNullException.ThrowIfNull(flows);
        double paidIn = initialCapital, withdrawn = 0;
        foreach (var flow in flows.OrderBy(f => f.TimeUtc).ThenByDescending(f => f.Amount))
        {
            if (flow.Amount > 0)
            {
                paidIn += flow.Amount;
                continue;
            }

            withdrawn -= flow.Amount;
            if (withdrawn > paidIn)
            {
                return string.Create(CultureInfo.InvariantCulture, $"the withdrawal of {-flow.Amount:N2} {unit} at {flow.TimeUtc:yyyy-MM-ddTHH:mm:ssZ} takes withdrawals to {withdrawn:N2} {unit}, more than the capital and the deposits before it ({paidIn:N2} {unit})");
            }
        }

        return null;
    }
}
