namespace Basis.Functions.Cli;

/// <summary>
/// Default locations: an explicit option wins, then the environment (BASIS_CONFIG_DIR, BASIS_DATA_DIR,
/// BASIS_RESULTS_DIR), then the repository the command runs in (the nearest folder upward holding configs/modes).
/// </summary>
internal static class CliPaths
{
    /// <summary>The configs folder; bad input when it does not exist.</summary>
    public static string Configs(string? option) =>
        ExistingFolder(option ?? Environment.GetEnvironmentVariable("BASIS_CONFIG_DIR") ?? FromRepository("configs"), "--configs");

    /// <summary>The market-data folder; bad input when it does not exist.</summary>
    public static string Data(string? option) =>
        ExistingFolder(option ?? Environment.GetEnvironmentVariable("BASIS_DATA_DIR") ?? FromRepository("data"), "--data");

    /// <summary>The folder results go under (created when a run writes).</summary>
    public static string ResultsRoot() =>
        Environment.GetEnvironmentVariable("BASIS_RESULTS_DIR") ?? FromRepository("results");

    /// <summary>Checks that <paramref name="path"/> is an existing folder, naming <paramref name="option"/> if not.</summary>
    public static string ExistingFolder(string path, string option) =>
        Directory.Exists(path) ? path : throw new BadInputException($"{option}: folder '{path}' does not exist");

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
