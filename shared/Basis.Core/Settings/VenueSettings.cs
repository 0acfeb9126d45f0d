using Basis.Core.Costs;
using Basis.Core.Instruments;

namespace Basis.Core.Settings;

/// <summary>Everything about venues a run needs: exchanges, gas, slippage, DEX pool fees, AAVE and the LST protocols.</summary>
/// <param name="Exchanges">Centralised exchanges by venue.</param>
/// <param name="Gas">Gas units per operation.</param>
/// <param name="Slippage">Slippage by pair and size.</param>
/// <param name="DexPoolFeesBps">DEX pool fee per swap, by pair (e.g. <c>EIGEN_ETH</c>).</param>
/// <param name="Aave">AAVE parameters.</param>
/// <param name="Lsts">LST protocols.</param>
public sealed record VenueSettings(
    IReadOnlyDictionary<Venue, ExchangeSettings> Exchanges,
    GasSettings Gas,
    SlippageTable Slippage,
    IReadOnlyDictionary<string, double> DexPoolFeesBps,
    AaveSettings Aave,
    IReadOnlyDictionary<LstToken, LstSettings> Lsts)
{
    /// <summary>The pool fee of a DEX pair; throws when the pair is not configured.</summary>
    public double DexPoolFeeBps(string pair) =>
        DexPoolFeesBps.TryGetValue(pair, out var bps)
            ? bps
            : throw new InvalidOperationException($"No DEX pool fee configured for {pair} (configs/execution_costs.yaml: dex_pool_fees_bps).");

    /// <summary>An exchange's settings; throws when the exchange is not configured.</summary>
    public ExchangeSettings Exchange(Venue venue) =>
        Exchanges.TryGetValue(venue, out var settings)
            ? settings
            : throw new InvalidOperationException($"Exchange {venue.Name()} is not configured (configs/venues/{venue.Name()}.yaml).");

    /// <summary>An LST's settings; throws when it is not configured.</summary>
    public LstSettings LstOf(LstToken lst) =>
        Lsts.TryGetValue(lst, out var settings)
            ? settings
            : throw new InvalidOperationException($"LST {lst.Symbol()} is not configured.");
}
