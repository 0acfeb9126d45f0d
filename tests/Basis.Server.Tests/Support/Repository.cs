namespace Basis.Server.Tests.Support;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Configs => Path.Combine(Root, "configs");

    public static string SampleData => Path.Combine(Root, "data");

    /// <summary>Copies the repository's configs folder into <paramref name="folder"/>, for a test that changes it.</summary>
    public static void CopyConfigs(string folder)
    {
        foreach (var file in Directory.GetFiles(Configs, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(folder, System.IO.Path.GetRelativePath(Configs, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Basis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Basis.sln not found above the test assembly.");
    }
}
