using Basis.Data.Canonical;
using Basis.Api.Hosting;

namespace Basis.Server.Cli;

/// <summary>
/// Default locations: an explicit option wins, then the environment settings (BASIS_DATA_DIR, BASIS_RESULTS_DIR
/// from configs/env.unified, .env.$BASIS_ENVIRONMENT and the process), then the repository the command runs in
/// (the nearest folder upward holding configs/modes). BASIS_CONFIG_DIR moves the configs folder itself.
/// </summary>
internal static class CliPaths
{
    /// <summary>The configs folder; bad input when it does not exist.</summary>
    public static string Configs(string? option) =>
        ExistingFolder(option ?? Environment.GetEnvironmentVariable("BASIS_CONFIG_DIR") ?? FromRepository("configs"), "--configs");

    /// <summary>The market-data folder; bad input when it does not exist.</summary>
    public static string Data(string? option) =>
        ExistingFolder(option ?? Host()?.DataDirectory ?? FromRepository("data"), "--data");

    /// <summary>The folder results go under (created when a run writes).</summary>
    public static string ResultsRoot() => Host()?.ResultsDirectory ?? FromRepository("results");

    /// <summary>The market-data settings (csv when no configs folder can be found).</summary>
    public static MarketDataOptions MarketData() => Host()?.MarketData ?? new MarketDataOptions();

    /// <summary>Checks that <paramref name="path"/> is an existing folder, naming <paramref name="option"/> if not.</summary>
    public static string ExistingFolder(string path, string option) =>
        Directory.Exists(path) ? path : throw new BadInputException($"{option}: folder '{path}' does not exist");

    /// <summary>The environment settings, when a configs folder can be found; outside a repository there are none to layer.</summary>
    private static HostSettings? Host()
    {
        var configs = Environment.GetEnvironmentVariable("BASIS_CONFIG_DIR") ?? FromRepository("configs");
        return File.Exists(Path.Combine(configs, "env.unified")) ? HostSettings.From(PipelineSettings.Load(configs)) : null;
    }

    private static string FromRepository(string folder)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "configs", "modes")))
            {
                return Path.Combine(dir.FullName, folder);
            }
        }

        return folder;
    }
}
