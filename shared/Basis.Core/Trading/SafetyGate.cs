using System.Globalization;

namespace Basis.Core.Trading;

/// <summary>
/// The gate between a strategy and the desk that carries its intents out (DESIGN §11), as a desk itself: in
/// read-only mode it records every intent and sends nothing; otherwise no intent larger than the maximum trade size
/// reaches the desk whole: it is sent in equal parts within the limit (each part of an atomic plan is a complete,
/// smaller plan), or refused when that would take more than the allowed number of parts. Every verdict is kept
/// for the ledger.
/// </summary>
public sealed class SafetyGate : IExecutionDesk
{
    private readonly IExecutionDesk _desk;
    private readonly SafetyLimits _limits;
    private readonly Func<TradeIntent, double> _notionalUsd;
    private readonly List<GateDecision> _decisions = [];

    /// <summary>Creates a gate in front of <paramref name="desk"/>.</summary>
    /// <param name="desk">The desk that carries out what passes.</param>
    /// <param name="limits">The limits to hold intents to.</param>
    /// <param name="notionalUsd">An intent's notional in USD at the current prices.</param>
    public SafetyGate(IExecutionDesk desk, SafetyLimits limits, Func<TradeIntent, double> notionalUsd)
    {
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(notionalUsd);
        _desk = desk;
        _limits = limits.Validate();
        _notionalUsd = notionalUsd;
    }

    /// <summary>Every intent submitted so far, with what the gate did.</summary>
    public IReadOnlyList<GateDecision> Decisions => _decisions;

    /// <inheritdoc />
    /// <remarks>Decisions are recorded in read-only mode too: they are what an operator reviews.</remarks>
    public void Decide(string action, string reason) => _desk.Decide(action, reason);

    /// <inheritdoc />
    public bool Execute(TradeIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var notional = _notionalUsd(intent);
        if (_limits.ReadOnly)
        {
            return Record(intent, notional, GateVerdict.Withheld, 0, false, "read-only: recorded, not sent");
        }

        var max = _limits.MaxTradeSizeUsd;
        if (notional <= max)
        {
            return Record(intent, notional, GateVerdict.Passed, 1, _desk.Execute(intent), "within the maximum trade size");
        }

        var parts = (int)Math.Ceiling(notional / max);
        if (parts > _limits.MaxParts)
        {
            return Record(intent, notional, GateVerdict.Refused, 0, false,
                $"{Usd(notional)} USD is more than {_limits.MaxParts} times the maximum trade size of {Usd(max)} USD");
        }

        // Stop at the first part the desk refuses: the rest would build on a state that did not happen.
        var part = intent.ScaledBy(1.0 / parts);
        var sent = 0;
        while (sent < parts && _desk.Execute(part))
        {
            sent++;
        }

        return Record(intent, notional, GateVerdict.Split, Math.Min(sent + 1, parts), sent == parts,
            $"{Usd(notional)} USD is above the maximum trade size of {Usd(max)} USD: sent in {parts} parts of {Usd(notional / parts)} USD");
    }

    private bool Record(TradeIntent intent, double notional, GateVerdict verdict, int parts, bool executed, string detail)
    {
        _decisions.Add(new GateDecision(intent, notional, verdict, parts, executed, detail));
        return executed;
    }

    private static string Usd(double amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);
}
