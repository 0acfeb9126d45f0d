namespace Basis.Server.Tests.Support;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Configs => Path.Combine(Root, "configs");

    public static string SampleData => Path.Combine(Root, "data");

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
