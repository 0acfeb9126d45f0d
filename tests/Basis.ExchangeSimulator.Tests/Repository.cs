namespace Basis.ExchangeSimulator.Tests;

/// <summary>Folders of the checkout the tests run in.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Data => Path.Combine(Root, "data");

    public static string Configs => Path.Combine(Root, "configs");

    public static string NodeTools => Path.Combine(Root, ".ci", "tools", "node_modules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Basis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Basis.sln above {AppContext.BaseDirectory}.");
    }
}
