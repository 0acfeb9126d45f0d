using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;

namespace Basis.Core.Strategies;

/// <summary>What a family's binding may check its keys against besides the keys themselves.</summary>
/// <param name="Prices">The mode's price series (its <c>prices</c> key, read before the family's keys).</param>
/// <param name="Venues">The venues' settings: fees, maintenance margins, AAVE eMode parameters.</param>
public sealed record ParameterContext(IReadOnlyDictionary<Asset, SeriesId> Prices, VenueSettings Venues);
