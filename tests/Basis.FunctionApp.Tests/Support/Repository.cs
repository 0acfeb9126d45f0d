namespace Basis.FunctionApp.Tests.Support;

/// <summary>Paths inside the repository the tests run from, and the Functions app's build output.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Configs => Path.Combine(Root, "configs");

    public static string SampleData => Path.Combine(Root, "data");

    /// <summary>
    /// The app's build output for the configuration and framework these tests were built with (the test binaries sit in
    /// <c>bin/{configuration}/{framework}/</c> too), so Debug and Release builds each check their own app.
    /// </summary>
    public static string AppOutput
    {
        get
        {
            var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var folder = Path.Combine(Root, "functions", "Basis.FunctionApp", "bin", tests.Parent!.Name, tests.Name);
            return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"The Functions app's build output {folder} does not exist: build functions/Basis.FunctionApp.");
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
