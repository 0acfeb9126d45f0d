using Basis.Core.Accounting;
using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Settings;

namespace Basis.Core.Simulation;

/// <summary>
/// What every fill, settlement and liquidation writes to at the current hour: positions (only those the strategy
/// declared), the hour's attribution, gas paid from the wallet, events and the desk's counters. Costs are booked to
/// their source as they are paid, at the hour's prices; apart from them a change moves value between positions
/// without creating or destroying any, which is what keeps attribution reconciled with equity.
/// </summary>
internal sealed class DeskLedger
{
    public DeskLedger(Portfolio portfolio, ValuationModel valuation, VenueSettings venues, AttributionLedger attribution)
    {
        Portfolio = portfolio;
        Valuation = valuation;
        Venues = venues;
        Attribution = attribution;
    }

    public Portfolio Portfolio { get; }

    public ValuationModel Valuation { get; }

    public VenueSettings Venues { get; }

    public AttributionLedger Attribution { get; }

    /// <summary>Events since the last segment was cut.</summary>
    public List<SimulationEvent> Events { get; } = [];

    public Instrument WalletEth { get; } = InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth);

    public Instrument WalletUsdt { get; } = InstrumentRegistry.Balance(Venue.Wallet, Asset.Usdt);

    public int Hour { get; set; }

    public DateTime Time => Valuation.Grid.TimeOf(Hour);

    /// <summary>True while the steps of an atomic plan run: the plan pays their gas once.</summary>
    public bool InPlan { get; set; }

    /// <summary>Exchange fills and DEX swaps so far.</summary>
    public int Trades { get; set; }

    /// <summary>Rebalancing decisions so far (the initial entry excluded).</summary>
    public int Rebalances { get; set; }

    public int Liquidations { get; set; }

    /// <summary>Debt written off by the protocol once no collateral backs it, in the share class.</summary>
    public double BadDebt { get; set; }

    /// <summary>Writes the counters and the bad debt written off, for a run continued elsewhere.</summary>
    public void WriteState(BinaryWriter writer)
    {
        writer.Write(Trades);
        writer.Write(Rebalances);
        writer.Write(Liquidations);
        writer.Write(BadDebt);
    }

    /// <summary>Restores the counters <see cref="WriteState"/> wrote.</summary>
    public void ReadState(BinaryReader reader) =>
        (Trades, Rebalances, Liquidations, BadDebt) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble());

    public void Record(SimulationEvent simulationEvent) => Events.Add(simulationEvent);

    public void Book(AttributionSource source, double amountSc) => Attribution.Book(source, amountSc);

    /// <summary>Books a fee and slippage paid in USDT (USD at par).</summary>
    public void BookTradingCosts(double feeUsd, double slippageUsd)
    {
        var usdtSc = Valuation.ScPrice(Asset.Usdt)[Hour];
        Book(AttributionSource.TradingFees, -feeUsd * usdtSc);
        Book(AttributionSource.Slippage, -slippageUsd * usdtSc);
    }

    /// <summary>Credits a settlement (funding, rewards) valued at the previous hour's prices.</summary>
    public void Settle(Instrument balance, double amount, AttributionSource source, double scPricePrevious)
    {
        Change(balance, amount);
        Book(source, amount * scPricePrevious);
    }

    /// <summary>Pays gas for an operation from the wallet's ETH and books it; returns the ETH paid.</summary>
    public double PayGas(GasOperation operation)
    {
        var eth = GasAccounting.CostEth(Valuation.GasPriceGwei[Hour], Venues.Gas.UnitsOf(operation));
        Change(WalletEth, -eth);
        Book(AttributionSource.Gas, -eth * Valuation.ScPrice(Asset.Eth)[Hour]);
        return eth;
    }

    /// <summary>Gas for one step: paid now outside a plan; inside one the plan pays once.</summary>
    public double StepGas(GasOperation operation) => InPlan ? 0 : PayGas(operation);

    public void Change(Instrument instrument, double delta)
    {
        RequireSubscribed(instrument);
        Portfolio.Add(instrument, delta);
    }

    public void RequireSubscribed(Instrument instrument)
    {
        if (!Valuation.IsSubscribed(instrument))
        {
            throw new InvalidOperationException($"The strategy changed {instrument}, which it does not declare in its instruments.");
        }
    }

    public void RequireHeld(Instrument instrument, double quantity, Func<string> describe)
    {
        // Relative slack for the last bits of a computed "everything".
        if (quantity > Portfolio.Quantity(instrument) * (1 + 1e-12) + 1e-15)
        {
            throw new InsufficientBalanceException($"cannot {describe()}");
        }
    }

    public static void RequireType(Instrument instrument, PositionType type)
    {
        if (instrument.Key.Type != type)
        {
            throw new ArgumentException($"Expected a {InstrumentKey.TypeName(type)} position, got {instrument}.", nameof(instrument));
        }
    }

    public static void RequirePositive(double amount, string name)
    {
        if (!(amount > 0) || !double.IsFinite(amount))
        {
            throw new ArgumentOutOfRangeException(name, amount, "Amount must be a positive finite number.");
        }
    }
}
