using System.Security.Cryptography;
using System.Text;
using Basis.Configuration.Loading;
using Basis.Configuration.Reading;
using Basis.Configuration.Tree;
using Basis.Core.Settings;
using Basis.Core.Strategies;

namespace Basis.Configuration.Binding;

/// <summary>
/// The project's configuration (configs/): venues, execution costs and share classes are loaded and validated
/// once; a mode is resolved on demand by merging its file with command-line or request overrides
/// (mode ← share class ← venues ← overrides, DESIGN §9). Every error names the file and key.
/// </summary>
public sealed class BasisConfiguration
{
    private readonly string _directory;
    private readonly IReadOnlyList<ConfigNode> _venueTrees;
    private readonly Dictionary<ShareClass, (ShareClassSettings Settings, ConfigNode Tree)> _shareClasses;

    private BasisConfiguration(string directory, VenueSettings venues, IReadOnlyList<ConfigNode> venueTrees, Dictionary<ShareClass, (ShareClassSettings, ConfigNode)> shareClasses)
    {
        _directory = directory;
        Venues = venues;
        _venueTrees = venueTrees;
        _shareClasses = shareClasses;
    }

    /// <summary>Venue parameters shared by every mode.</summary>
    public VenueSettings Venues { get; }

    /// <summary>Share classes by class.</summary>
    public IReadOnlyDictionary<ShareClass, ShareClassSettings> ShareClasses => _shareClasses.ToDictionary(kv => kv.Key, kv => kv.Value.Settings);

    /// <summary>Loads venues, costs and share classes from <paramref name="directory"/>; throws one <see cref="ConfigException"/> with every error.</summary>
    public static BasisConfiguration Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Configuration folder '{directory}' does not exist.");
        }

        var errors = new List<ConfigError>();
        VenueSettings? venues = null;
        IReadOnlyList<ConfigNode> venueTrees = [];
        try
        {
            (venues, venueTrees) = VenueBinding.Load(directory);
        }
        catch (ConfigException exception)
        {
            errors.AddRange(exception.Errors);
        }

        var shareClasses = new Dictionary<ShareClass, (ShareClassSettings, ConfigNode)>();
        foreach (var shareClass in Enum.GetValues<ShareClass>())
        {
            var path = Path.Combine(directory, ShareClassBinding.File(shareClass));
            try
            {
                var tree = LoadFile(path);
                shareClasses[shareClass] = (ConfigReader.Bind(tree, r => ShareClassBinding.Read(r, shareClass)), tree);
            }
            catch (ConfigException exception)
            {
                errors.AddRange(exception.Errors);
            }
        }

        ConfigException.ThrowIfAny(errors);
        return new BasisConfiguration(directory, venues!, venueTrees, shareClasses);
    }

    /// <summary>
    /// Resolves a mode by name or alias, merging <paramref name="overrides"/> (<c>dotted.key=value</c>) into its file.
    /// Throws <see cref="UnknownModeException"/> for an unknown name and <see cref="ConfigException"/> for bad values.
    /// </summary>
    public ResolvedMode ResolveMode(string nameOrAlias, IEnumerable<string>? overrides = null)
    {
        var mode = StrategyCatalog.Resolve(nameOrAlias);
        var tree = LoadFile(Path.Combine(_directory, "modes", mode.Name + ".yaml"));
        var overrideTree = ConfigOverrides.Parse(overrides ?? []);
        var merged = ConfigMerge.Merge(tree, overrideTree);
        var ranges = new List<ParameterRange>();
        var settings = ConfigReader.Bind(merged, r => ModeBinding.Read(r, mode, Venues, ranges));
        var (shareClass, shareClassTree) = _shareClasses[mode.ShareClass];
        if (!shareClass.Modes.Contains(mode.Name))
        {
            throw new ConfigException([new ConfigError(shareClassTree.Source, "modes", $"{mode.Name} reports in {mode.ShareClass.Name()} but is not listed in this share class' modes")]);
        }

        return new ResolvedMode(mode, settings, shareClass, Venues, merged, Hash([merged, shareClassTree, .. _venueTrees]), ranges);
    }

    /// <summary>Resolves every implemented mode without overrides; collects every error of every mode.</summary>
    public IReadOnlyList<ResolvedMode> ResolveAllModes()
    {
        var resolved = new List<ResolvedMode>();
        var errors = new List<ConfigError>();
        foreach (var mode in StrategyCatalog.Implemented)
        {
            try
            {
                resolved.Add(ResolveMode(mode.Name));
            }
            catch (ConfigException exception)
            {
                errors.AddRange(exception.Errors);
            }
        }

        ConfigException.ThrowIfAny(errors);
        return resolved;
    }

    private static ConfigNode LoadFile(string path) =>
        File.Exists(path)
            ? YamlConfigFile.Load(path)
            : throw new ConfigException([new ConfigError(ConfigSource.InFile(path), string.Empty, "file is missing")]);

    private static string Hash(IEnumerable<ConfigNode> trees)
    {
        var text = string.Join("\n", trees.Select(t => t.ToString()));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
