using System.Globalization;
using Basis.Configuration.Loading;
using Basis.Configuration.Reading;
using Basis.Configuration.Tree;
using Basis.Venues.Exchanges;

namespace Basis.Live.Execution;

/// <summary>
/// The venues' order rules of <c>configs/live/orders.yaml</c>: the quantity step of each perpetual and spot pair, in
/// base units, and how far from the hour's price a swap may fill.
/// </summary>
public sealed class OrderRules(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> perpQuantitySteps,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> spotQuantitySteps,
    decimal swapPriceTolerance,
    IReadOnlyDictionary<string, decimal> perpMinNotionalsUsd)
{
    /// <summary>The file's path under the configs folder.</summary>
    public const string RelativePath = "live/orders.yaml";

    /// <summary>
    /// The smallest quantity step of the <paramref name="baseAsset"/>/USDT perpetual on <paramref name="venue"/>. Throws
    /// <see cref="KeyNotFoundException"/> naming the file and entry when it does not list it.
    /// </summary>
    public decimal PerpQuantityStep(ExchangeVenue venue, string baseAsset) => Step(perpQuantitySteps, "perp_quantity_step", venue, baseAsset);

    /// <summary>The same for the <paramref name="baseAsset"/>/USDT spot pair.</summary>
    public decimal SpotQuantityStep(ExchangeVenue venue, string baseAsset) => Step(spotQuantitySteps, "spot_quantity_step", venue, baseAsset);

    /// <summary>
    /// The fraction of the hour's price a swap may fill beyond (0.01: 1 % worse at most), fees and slippage included: its
    /// bound on the side the market sets, which the pool enforces by reverting.
    /// </summary>
    public decimal SwapPriceTolerance { get; } = swapPriceTolerance;

    /// <summary>The smallest notional (USD) of a perpetual order the venue takes (Binance's MIN_NOTIONAL); 0 when it sets none.</summary>
    public decimal PerpMinNotionalUsd(ExchangeVenue venue) => perpMinNotionalsUsd.GetValueOrDefault(venue.ToString().ToLowerInvariant());

    private static decimal Step(IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> steps, string section, ExchangeVenue venue, string baseAsset)
    {
        var name = venue.ToString().ToLowerInvariant();
        return steps.GetValueOrDefault(name)?.GetValueOrDefault(baseAsset) is { } step
            ? step
            : throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"configs/{RelativePath} has no {section} for {name} {baseAsset}: the real desk cannot size its orders."));
    }

    /// <summary>Loads <c>live/orders.yaml</c> from <paramref name="configsDirectory"/>.</summary>
    /// <exception cref="Basis.Configuration.ConfigException">Every problem, each naming the file, line and key.</exception>
    public static OrderRules Load(string configsDirectory) =>
        From(YamlConfigFile.Load(Path.Combine(configsDirectory, RelativePath)));

    /// <summary>
    /// Reads <c>perp_quantity_step</c> and <c>spot_quantity_step</c> (venue → base asset → a positive step) and
    /// <c>swap_price_tolerance</c> (a fraction up to 0.1) and <c>perp_min_notional_usd</c> (venue → USD).
    /// </summary>
    /// <exception cref="Basis.Configuration.ConfigException">Every problem found.</exception>
    public static OrderRules From(ConfigNode root) => ConfigReader.Bind(root, reader => new OrderRules(
        reader.Map("perp_quantity_step", venue => venue.AsMap(step => step.As<decimal>(0.00000001m, 1_000m))),
        reader.Map("spot_quantity_step", venue => venue.AsMap(step => step.As<decimal>(0.00000001m, 1_000m))),
        reader.Required<decimal>("swap_price_tolerance", 0.0001m, 0.1m),
        reader.Map("perp_min_notional_usd", venue => venue.As<decimal>(0m, 1_000m))));
}
