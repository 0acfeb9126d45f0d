using Azure.Storage.Blobs;
using Basis.Core.Market;
using Basis.Data.Canonical;
using Basis.Testing;

namespace Basis.Data.Tests.Canonical;

/// <summary>After an upload of the bundled sample, blob and db modes read exactly what csv mode reads.</summary>
public sealed class MarketDataModesTests(PostgresServer postgres, AzuriteServer azurite)
{
    private static readonly DateTime From = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Blob_mode_reads_the_same_series_as_local_files_after_an_upload()
    {
        var source = (BlobMarketDataSource)await MarketDataSources.OpenAsync(new(MarketDataMode.Blob, BlobConnection: azurite.ConnectionString, BlobContainer: "sample"), Token);

        var lines = new List<string>();
        var uploaded = await MarketDataUploader.UploadAsync(SampleData, source, new Progress(lines), Token);
        var again = await MarketDataUploader.UploadAsync(SampleData, source, null, Token);

        Assert.Equal(MonthFiles(), uploaded);
        Assert.Equal(uploaded, again);
        Assert.Equal(uploaded, lines.Count);
        await source.CheckHealthAsync(Token);
        await AssertSameAsLocalAsync(source);
    }

    [Fact]
    public async Task Db_mode_reads_the_same_series_as_local_files_after_an_upload()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var source = (PostgresMarketDataSource)await MarketDataSources.OpenAsync(new(MarketDataMode.Db, DatabaseConnection: connection), Token);
        await using (source)
        {
            Assert.Equal(MonthFiles(), await MarketDataUploader.UploadAsync(SampleData, source, null, Token));
            Assert.Equal(MonthFiles(), await MarketDataUploader.UploadAsync(SampleData, source, null, Token));
            await source.CheckHealthAsync(Token);
            await AssertSameAsLocalAsync(source);
        }
    }

    [Fact]
    public async Task A_missing_blob_container_reads_as_no_rows_and_is_unhealthy()
    {
        var source = new BlobMarketDataSource(new BlobContainerClient(azurite.ConnectionString, "absent"));

        Assert.Equal(0, (await source.ReadAsync(SeriesId.Parse("spot/binance/ETHUSDT"), From, To, Token)).Count);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => source.CheckHealthAsync(Token));
        Assert.Contains("'absent'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MarketDataMode.Blob, "BASIS_BLOB_CONNECTION")]
    [InlineData(MarketDataMode.Db, "BASIS_DATABASE_CONNECTION")]
    [InlineData(MarketDataMode.Csv, "BASIS_DATA_DIR")]
    public async Task A_missing_setting_fails_fast_naming_the_variable(MarketDataMode mode, string variable)
    {
        var error = await Assert.ThrowsAsync<MarketDataSettingsException>(() => MarketDataSources.OpenAsync(new(mode), Token));

        Assert.Equal(variable, error.Setting);
        Assert.StartsWith(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_storage_means_azurite_on_loopback()
    {
        var container = MarketDataSources.BlobContainer(new(MarketDataMode.Blob, WebJobsStorage: "UseDevelopmentStorage=true"));

        Assert.Equal("127.0.0.1", container.Uri.Host);
        Assert.Equal(10000, container.Uri.Port);
        Assert.Equal(MarketDataSources.DefaultContainer, container.Name);
    }

    private static string SampleData { get; } = FindSampleData();

    private static int MonthFiles() => Directory.GetFiles(SampleData, "*.csv", SearchOption.AllDirectories).Length;

    private static async Task AssertSameAsLocalAsync(IMarketDataSource source)
    {
        var local = new LocalMarketDataSource(SampleData);
        var series = CanonicalLayout.DiscoverSeries(SampleData);
        Assert.NotEmpty(series);
        foreach (var id in series)
        {
            var expected = await local.ReadAsync(id, From, To, Token);
            var actual = await source.ReadAsync(id, From, To, Token);
            Assert.True(expected.Count > 0, id.Value);
            Assert.Equal(expected.Times.ToArray(), actual.Times.ToArray());
            for (var c = 0; c < expected.Spec.Columns.Count; c++)
            {
                Assert.Equal(expected.Column(c).ToArray(), actual.Column(c).ToArray());
            }
        }
    }

    private static string FindSampleData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Basis.sln")))
            {
                return Path.Combine(dir.FullName, "data");
            }
        }

        throw new DirectoryNotFoundException($"no Basis.sln above {AppContext.BaseDirectory}");
    }

    private sealed class Progress(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
