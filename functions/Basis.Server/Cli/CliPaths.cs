using Basis.Api.Hosting;
using Basis.Data.Canonical;

namespace Basis.Server.Cli;

/// <summary>
/// Where the command line finds things when no option says: the configs folder is <c>BASIS_CONFIG_DIR</c>, else the
/// <c>configs/</c> of the repository the command runs in (the nearest folder upward holding <c>configs/modes</c>), else
/// the copy beside the <c>basis</c> binary (the build puts <c>configs/</c> and the sample <c>data/</c> there), so the
/// binary works from any folder. Data and results follow the settings (BASIS_DATA_DIR, BASIS_RESULTS_DIR), then the
/// same places.
/// </summary>
internal static class CliPaths
{
    /// <summary>The configs folder; bad input, saying where it looked, when there is none.</summary>
    public static string Configs(string? option)
    {
        if ((option ?? Environment.GetEnvironmentVariable("BASIS_CONFIG_DIR")) is { Length: > 0 } chosen)
        {
            return ExistingFolder(chosen, option is null ? "BASIS_CONFIG_DIR" : "--configs");
        }

        return Located("configs") ?? throw new BadInputException(
            $"no configs folder: none above {Directory.GetCurrentDirectory()} and none beside the basis binary ({AppContext.BaseDirectory}); pass --configs DIR or set BASIS_CONFIG_DIR");
    }

    /// <summary>The market-data folder; bad input when it does not exist.</summary>
    public static string Data(string? option) =>
        ExistingFolder(option ?? Host()?.DataDirectory ?? Located("data") ?? "data", "--data");

    /// <summary>The folder results go under (created when a run writes): the repository's results/, else ./results.</summary>
    public static string ResultsRoot() => Host()?.ResultsDirectory ?? InRepository("results") ?? Path.GetFullPath("results");

    /// <summary>The web dashboard's build in the checkout the command runs in (<c>web/dist</c>, built or not); null outside one.</summary>
    public static string? WebBuild() => InRepository(Path.Combine("web", "dist"));

    /// <summary>The market-data settings (csv when no configs folder can be found).</summary>
    public static MarketDataOptions MarketData() => Host()?.MarketData ?? new MarketDataOptions();

    /// <summary>Checks that <paramref name="path"/> is an existing folder, naming <paramref name="option"/> if not.</summary>
    public static string ExistingFolder(string path, string option) =>
        Directory.Exists(path) ? path : throw new BadInputException($"{option}: folder '{path}' does not exist");

    /// <summary>The environment settings, when a configs folder can be found; without one there are none to layer.</summary>
    private static HostSettings? Host()
    {
        var configs = Environment.GetEnvironmentVariable("BASIS_CONFIG_DIR") is { Length: > 0 } chosen ? chosen : Located("configs");
        return configs is not null && File.Exists(Path.Combine(configs, "env.unified")) ? HostSettings.From(PipelineSettings.Load(configs)) : null;
    }

    /// <summary>A folder of the repository the command runs in, else the copy beside the binary; null when neither exists.</summary>
    private static string? Located(string folder) =>
        InRepository(folder) ?? (Directory.Exists(Path.Combine(AppContext.BaseDirectory, folder)) ? Path.Combine(AppContext.BaseDirectory, folder) : null);

    private static string? InRepository(string folder)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "configs", "modes")))
            {
                return Path.Combine(dir.FullName, folder);
            }
        }

        return null;
    }
}
