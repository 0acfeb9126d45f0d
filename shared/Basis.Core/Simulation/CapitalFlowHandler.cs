using System.Globalization;
using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Results;
using Basis.Core.Settings;
using Basis.Core.Strategies;
using Basis.Core.Time;

namespace Basis.Core.Simulation;

/// <summary>
/// Deposits and withdrawals by hour. Deposits land in the wallet for the strategy to deploy; withdrawals are paid
/// from idle funds first (fast) and the rest by asking the strategy to unwind (slow). A withdrawal of more than the
/// equity at its hour is refused (an event; the account cannot pay out what it does not have). Flows are kept out
/// of attribution.
/// </summary>
internal sealed class CapitalFlowHandler
{
    private readonly double[] _flows;
    private readonly List<int> _refusedHours = [];
    private readonly DeskLedger _desk;
    private readonly string _unit;
    private double _cumulative;

    public CapitalFlowHandler(BacktestSpec spec, HourGrid grid, DeskLedger desk)
    {
        _flows = FlowsByHour(spec, grid);
        _desk = desk;
        _unit = spec.Mode.ShareClass.Name();
        ShareClassWallet = InstrumentRegistry.Balance(Venue.Wallet, spec.Mode.ShareClass.Asset());
        HasFlows = spec.OpenEnded || _flows.Any(f => f != 0);
    }

    /// <summary>The wallet balance in the share class, where flows land and are paid from.</summary>
    public Instrument ShareClassWallet { get; }

    /// <summary>True when the run has (or, open-ended, may have) flows, so its results show them.</summary>
    public bool HasFlows { get; }

    /// <summary>The flow at each hour (positive deposits), with refused withdrawals dropped.</summary>
    public double[] ByHour => _flows;

    /// <summary>Adds the hour's flow to the running total and returns it.</summary>
    public double Accumulate(int h) => _cumulative += _flows[h];

    public void Apply(int h, IStrategy strategy, StrategyContext context)
    {
        var amount = _flows[h];
        if (amount == 0)
        {
            return;
        }

        if (amount > 0)
        {
            Pay(amount, 0);
            return;
        }

        var portfolio = _desk.Portfolio;
        var needed = -amount;
        var time = _desk.Valuation.Grid.TimeOf(h);
        var equity = _desk.Valuation.EquitySc(portfolio, h);
        if (needed > equity)
        {
            Refuse(h);
            _desk.Record(new FlowRefusedEvent(time, amount, equity, string.Create(CultureInfo.InvariantCulture, $"the withdrawal of {needed:N2} {_unit} at {time:yyyy-MM-ddTHH:mm:ssZ} is more than the equity at that hour ({equity:N2} {_unit}); refused, nothing paid out")));
            return;
        }

        var freeCash = Math.Clamp(portfolio.Quantity(ShareClassWallet), 0, needed);
        if (freeCash < needed)
        {
            strategy.RaiseCash(context, needed, "a capital withdrawal");
            var raised = portfolio.Quantity(ShareClassWallet);
            if (raised < needed * (1 - 1e-9))
            {
                throw new WithdrawalFailedException($"The withdrawal of {needed} {_unit} at {time:yyyy-MM-ddTHH:mm:ssZ} could not be raised: unwinding freed {raised}.");
            }
        }

        Pay(amount, freeCash);
    }

    /// <summary>Writes the running total and the refused hours.</summary>
    public void WriteState(BinaryWriter writer)
    {
        writer.Write(_cumulative);
        writer.Write(_refusedHours.Count);
        foreach (var hour in _refusedHours)
        {
            writer.Write(hour);
        }
    }

    /// <summary>Restores what <see cref="WriteState"/> wrote.</summary>
    public void ReadState(BinaryReader reader)
    {
        _cumulative = reader.ReadDouble();
        var refused = reader.ReadInt32();
        for (var i = 0; i < refused; i++)
        {
            Refuse(reader.ReadInt32());
        }
    }

    /// <summary>Applies a deposit or withdrawal to the wallet's share-class balance (flows are not P&amp;L).</summary>
    private void Pay(double amount, double fromFreeCash)
    {
        _desk.Portfolio.Add(ShareClassWallet, amount);
        _desk.Record(new FlowEvent(_desk.Time, amount, fromFreeCash));
    }

    /// <summary>Drops a refused hour's flow, so returns, net flows and the reconciliation see none.</summary>
    private void Refuse(int h)
    {
        _flows[h] = 0;
        _refusedHours.Add(h);
    }

    private static double[] FlowsByHour(BacktestSpec spec, HourGrid grid)
    {
        var flows = new double[grid.Hours];
        foreach (var flow in spec.Flows ?? [])
        {
            var hour = (int)((flow.TimeUtc - grid.Start).Ticks / TimeSpan.TicksPerHour);
            if (!HourGrid.IsWholeUtcHour(flow.TimeUtc) || hour < 1 || hour >= grid.Hours || !double.IsFinite(flow.Amount))
            {
                throw new ArgumentException($"The capital flow at {flow.TimeUtc:O} must fall on a whole UTC hour after the start and before the end of the run.", nameof(spec));
            }

            flows[hour] += flow.Amount;
        }

        if (CapitalFlow.Overdraft(spec.InitialCapital, spec.Flows ?? [], spec.Mode.ShareClass.Name()) is { } overdraft)
        {
            throw new ArgumentException($"The capital flows cannot be paid: {overdraft}.", nameof(spec));
        }

        return flows;
    }
}
