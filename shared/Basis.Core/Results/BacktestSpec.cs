using Basis.Core.Settings;
using Basis.Core.Simulation;

namespace Basis.Core.Results;

/// <summary>A validated backtest request: what to run, over which hours, with how much.</summary>
/// <param name="RunId">Identifier of the run (the results folder name).</param>
/// <param name="Mode">The mode's merged, validated settings.</param>
/// <param name="Venues">Venue parameters.</param>
/// <param name="StartUtc">First hour (inclusive).</param>
/// <param name="EndUtc">End hour (exclusive).</param>
/// <param name="InitialCapital">Capital in share-class units, landing in the wallet at the first hour.</param>
/// <param name="ConfigHash">SHA-256 of the merged configuration, for reproducibility.</param>
/// <param name="DataSource">Where the market data came from (e.g. the folder), for the data report.</param>
/// <param name="Flows">Deposits and withdrawals during the run, in time order.</param>
/// <param name="Scenario">The stress shocks applied to the data, described (empty for none).</param>
/// <param name="Overrides">
/// The run's settings overrides as given (<c>--set</c>, <c>config_overrides</c>: <c>margin_fraction=0.25</c>), in
/// order; already merged into <paramref name="Mode"/> and <paramref name="ConfigHash"/>, kept to be shown with the
/// results (null or empty for none).
/// </param>
/// <param name="OpenEnded">
/// A live instance's run: its grid grows by an hour each cycle and capital flows arrive as they are made, so its
/// output columns are fixed from the start rather than by the flows known so far.
/// </param>
public sealed record BacktestSpec(
    string RunId,
    ModeSettings Mode,
    VenueSettings Venues,
    DateTime StartUtc,
    DateTime EndUtc,
    double InitialCapital,
    string ConfigHash,
    string DataSource,
    IReadOnlyList<CapitalFlow>? Flows = null,
    IReadOnlyList<string>? Scenario = null,
    IReadOnlyList<string>? Overrides = null,
    bool OpenEnded = false);
