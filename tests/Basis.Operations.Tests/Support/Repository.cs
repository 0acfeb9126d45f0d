namespace Basis.Operations.Tests.Support;

/// <summary>Paths inside the repository the suite runs from.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Basis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Basis.sln not found above the test assembly.");
    }
}
