namespace Basis.Live.Tests;

/// <summary>The checkout the tests run from, for its <c>configs/</c>.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ConfigsDirectory { get; } = Path.Combine(Root, "configs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Basis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Basis.sln not found above the test binaries.");
    }
}
