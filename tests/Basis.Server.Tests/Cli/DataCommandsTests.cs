using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Cli;

public sealed class DataCommandsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_committed_sample_is_exactly_what_the_generator_writes()
    {
        var run = await BasisCli.RunAsync("data", "generate", "--to", _temp.Path);

        Assert.Equal(0, run.ExitCode);
        var generated = Directory.GetFiles(_temp.Path, "*.csv", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_temp.Path, f)).Order(StringComparer.Ordinal).ToList();
        var committed = Directory.GetFiles(Repository.SampleData, "*.csv", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Repository.SampleData, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(committed, generated);
        Assert.All(generated, f => Assert.Equal(File.ReadAllBytes(Path.Combine(Repository.SampleData, f)), File.ReadAllBytes(Path.Combine(_temp.Path, f))));
    }

    [Fact]
    public async Task The_sample_validates_without_errors()
    {
        var run = await BasisCli.RunAsync("data", "validate", "--data", Repository.SampleData);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task A_broken_file_fails_validation_with_exit_1_and_names_the_file()
    {
        var file = _temp.Combine("oracle", "aave", "ETH-USD", "2025", "01.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "timestamp,price\n2025-01-01T00:00:00Z,3000\n2025-01-01T00:00:00Z,3001\n", TestContext.Current.CancellationToken);

        var run = await BasisCli.RunAsync("data", "validate", "--data", _temp.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("oracle/aave/ETH-USD/2025/01.csv", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_a_folder_that_does_not_exist_is_bad_input()
    {
        var run = await BasisCli.RunAsync("data", "import", "--from", _temp.Combine("missing"), "--to", _temp.Combine("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing", run.Error, StringComparison.Ordinal);
    }
}
