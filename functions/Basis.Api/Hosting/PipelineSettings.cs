using Basis.Configuration.Environments;

namespace Basis.Api.Hosting;

/// <summary>
/// The host's settings (DESIGN §9), lowest precedence first: <c>configs/env.unified</c> ←
/// <c>configs/.env.$BASIS_ENVIRONMENT</c> ← <c>local.settings.json</c> <c>Values</c> (as Azure Functions reads them)
/// ← the process environment. Only names declared in <c>env.unified</c> are settings; empty values count as unset.
/// </summary>
public sealed class PipelineSettings
{
    /// <summary>The Functions-style local settings file, looked for in the current folder.</summary>
    public const string LocalSettingsFileName = "local.settings.json";

    private PipelineSettings(string configsDirectory, SettingsDictionary layers)
    {
        ConfigsDirectory = configsDirectory;
        Layers = layers;
        Values = new ConfigurationBuilder()
            .AddInMemoryCollection(layers.Where(kv => kv.Value.Length > 0).Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)))
            .Build();
    }

    /// <summary>The configs folder (modes, venues, env files).</summary>
    public string ConfigsDirectory { get; }

    /// <summary>The settings with where each came from, for validated binding (<see cref="HostSettings"/>).</summary>
    public SettingsDictionary Layers { get; }

    /// <summary>The settings, for components that read <see cref="IConfiguration"/>.</summary>
    public IConfiguration Values { get; }

    /// <summary>The value of <paramref name="key"/>, or null when unset or empty.</summary>
    public string? this[string key] => Values[key] is { Length: > 0 } value ? value : null;

    /// <summary>
    /// Loads the layers; <paramref name="overrides"/> stand above everything (tests, command-line options), and
    /// <paramref name="localSettingsPath"/> is read when it exists.
    /// </summary>
    public static PipelineSettings Load(string configsDirectory, IReadOnlyDictionary<string, string>? overrides = null, string localSettingsPath = LocalSettingsFileName)
    {
        var environment = Environment.GetEnvironmentVariable("BASIS_ENVIRONMENT") is { Length: > 0 } name ? name : "dev";
        var local = File.Exists(localSettingsPath) ? LocalSettingsFile.Load(localSettingsPath) : SettingsDictionary.Empty;
        var above = local
            .Overlay(SettingsDictionary.FromEnvironmentVariables())
            .Overlay(SettingsDictionary.FromEnvironmentVariables(overrides ?? new Dictionary<string, string>()));
        return new PipelineSettings(configsDirectory, EnvironmentLayers.Load(configsDirectory, environment, above));
    }
}
