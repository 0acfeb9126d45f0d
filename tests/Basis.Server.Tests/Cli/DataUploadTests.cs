using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Cli;

/// <summary><c>basis data upload</c> end to end, against real PostgreSQL and Azurite.</summary>
public sealed class DataUploadTests(StorageServices services) : IClassFixture<StorageServices>
{
    [Fact]
    public async Task Upload_to_db_copies_every_month_file_and_can_be_repeated()
    {
        var connection = await services.Postgres.CreateDatabaseAsync();

        var first = await BasisCli.RunAsync("data", "upload", "--to-db", "--connection", connection, "--data", Repository.SampleData);
        var second = await BasisCli.RunAsync("data", "upload", "--to-db", "--connection", connection, "--data", Repository.SampleData);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"Uploaded {MonthFiles} month files to PostgreSQL", second.Output, StringComparison.Ordinal);
        Assert.Contains("spot/binance/ETHUSDT/2025/01.csv", first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_to_blob_copies_every_month_file_without_printing_the_key()
    {
        var connection = services.Azurite.ConnectionString;

        var run = await BasisCli.RunAsync("data", "upload", "--to-blob", "--connection", connection, "--container", "cli", "--data", Repository.SampleData);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Uploaded {MonthFiles} month files to blob container 'cli'", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--to-db", "--to-blob")]
    [InlineData("--data", "data")]
    public async Task Exactly_one_target_is_required(params string[] args)
    {
        var run = await BasisCli.RunAsync(["data", "upload", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--to-blob and --to-db", run.Error, StringComparison.Ordinal);
    }

    private static int MonthFiles => Directory.GetFiles(Repository.SampleData, "*.csv", SearchOption.AllDirectories).Length;
}
