namespace Basis.Server.Tests.Support;

/// <summary>
/// A copy of the bundled sample whose ETH/USD oracle lost its rows for the last day of March: every month file is
/// there (so a run passes the coverage check before it starts), but a run through 2025-03-31 meets the hole.
/// </summary>
internal static class GappySample
{
    public static string Create(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(Repository.SampleData, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(Repository.SampleData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var march = Path.Combine(folder, "oracle", "aave", "ETH-USD", "2025", "03.csv");
        File.WriteAllLines(march, File.ReadAllLines(march).Where(line => !line.StartsWith("2025-03-31", StringComparison.Ordinal)));
        return folder;
    }
}
