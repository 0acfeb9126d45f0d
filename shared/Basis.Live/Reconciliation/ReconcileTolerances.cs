using Basis.Configuration.Loading;
using Basis.Configuration.Reading;
using Basis.Configuration.Tree;

namespace Basis.Live.Reconciliation;

/// <summary>The tolerances of <c>configs/live/reconcile.yaml</c>: one per asset, and a default for the rest.</summary>
public sealed class ReconcileTolerances
{
    /// <summary>The file's path under the configs folder.</summary>
    public const string RelativePath = "live/reconcile.yaml";

    private readonly IReadOnlyDictionary<string, AssetTolerance> _assets;

    public ReconcileTolerances(AssetTolerance fallback, IReadOnlyDictionary<string, AssetTolerance> assets)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(assets);
        Default = fallback;
        _assets = assets;
    }

    /// <summary>The tolerance of an asset the file does not list.</summary>
    public AssetTolerance Default { get; }

    /// <summary>The tolerance of <paramref name="asset"/> (case-sensitive, as venues and the ledger spell it: weETH).</summary>
    public AssetTolerance For(string asset) => _assets.GetValueOrDefault(asset) ?? Default;

    /// <summary>Loads <c>live/reconcile.yaml</c> from <paramref name="configsDirectory"/>.</summary>
    /// <exception cref="Basis.Configuration.ConfigException">Every problem, each naming the file, line and key.</exception>
    public static ReconcileTolerances Load(string configsDirectory) =>
        From(YamlConfigFile.Load(Path.Combine(configsDirectory, RelativePath)));

    /// <summary>Reads <c>default</c> and <c>assets</c>; a missing, unknown or out-of-range key is an error at its file and line.</summary>
    /// <exception cref="Basis.Configuration.ConfigException">Every problem found.</exception>
    public static ReconcileTolerances From(ConfigNode root) => ConfigReader.Bind(root, reader => new ReconcileTolerances(
        Read(reader.Child("default")),
        reader.Map("assets", entry => Read(entry.AsMapping()))));

    // relative is a fraction (0.005 = 0.5 %); above 1 it would accept a venue holding the opposite of the ledger.
    private static AssetTolerance Read(ConfigReader tolerance) => new(
        tolerance.Required<decimal>("relative", 0m, 1m),
        tolerance.Required<decimal>("absolute", 0m));
}
