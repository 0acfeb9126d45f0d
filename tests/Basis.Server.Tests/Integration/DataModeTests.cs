using System.Text.Json;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Integration;

/// <summary>
/// The sample uploaded to Azurite or PostgreSQL (<c>basis data upload</c>) and read back with <c>BASIS_DATA_MODE=blob|db</c>
/// gives a backtest the same summary, figure for figure, as the files on disk.
/// </summary>
public sealed class DataModeTests(StorageServices services) : IClassFixture<StorageServices>
{
    // eth_basis reads the most series of the sample's modes: spot, three perps, their funding, gas.
    private static readonly object Body = new { strategy_name = "eth_basis", start_date = "2025-01-01T00:00:00Z", end_date = "2025-04-01T00:00:00Z" };

    [Fact]
    public async Task Blob_mode_on_azurite_gives_the_same_summary_as_csv()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        var connection = services.Azurite.ConnectionString;
        var upload = await BasisCli.RunAsync("data", "upload", "--to-blob", "--connection", connection, "--container", "sample", "--data", Repository.SampleData);
        Assert.True(upload.ExitCode == 0, upload.ToString());

        var csv = await SummaryAsync(temp.Combine("csv"), new Dictionary<string, string>(), ct);
        var blob = await SummaryAsync(temp.Combine("blob"), new Dictionary<string, string>
        {
            ["BASIS_DATA_MODE"] = "blob",
            ["BASIS_BLOB_CONNECTION"] = connection,
            ["BASIS_BLOB_CONTAINER"] = "sample",
            ["BASIS_DATA_DIR"] = temp.Combine("no-such-folder"),
        }, ct);

        AssertSameSummary(csv, blob);
        Assert.Contains("sample", blob.GetProperty("data_report").GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Db_mode_on_postgresql_gives_the_same_summary_as_csv()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        var connection = await services.Postgres.CreateDatabaseAsync();
        var upload = await BasisCli.RunAsync("data", "upload", "--to-db", "--connection", connection, "--data", Repository.SampleData);
        Assert.True(upload.ExitCode == 0, upload.ToString());

        var csv = await SummaryAsync(temp.Combine("csv"), new Dictionary<string, string>(), ct);
        var db = await SummaryAsync(temp.Combine("db"), new Dictionary<string, string>
        {
            ["BASIS_DATA_MODE"] = "db",
            ["BASIS_DATABASE_CONNECTION"] = connection,
            ["BASIS_DATA_DIR"] = temp.Combine("no-such-folder"),
        }, ct);

        AssertSameSummary(csv, db);
    }

    private static async Task<JsonElement> SummaryAsync(string results, Dictionary<string, string> settings, CancellationToken ct)
    {
        await using var host = await PipelineHost.StartAsync(results, settings, ct);
        var done = await host.WaitAsync(await host.SubmitAsync("backtests", Body, ct), ct);
        Assert.True(done.GetProperty("runtimeStatus").GetString() == "Completed", done.ToString());
        return await host.GetJsonAsync(done.GetProperty("resultUri").GetString()!, ct);
    }

    /// <summary>
    /// Every field equal (numbers exactly: same rows, same arithmetic), except what names the run or the source or
    /// measures the machine.
    /// </summary>
    private static void AssertSameSummary(JsonElement expected, JsonElement actual)
    {
        var differences = new List<string>();
        Compare(string.Empty, expected, actual, differences);
        Assert.True(differences.Count == 0, string.Join('\n', differences));
        Assert.True(expected.GetProperty("data_report").GetProperty("series").GetArrayLength() >= 5, expected.ToString());
    }

    private static void Compare(string path, JsonElement expected, JsonElement actual, List<string> differences)
    {
        if (path is "run_id" or "elapsed_ms" or "data_report.source")
        {
            return;
        }

        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: {expected.ValueKind} {expected} vs {actual.ValueKind} {actual}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).Union(actual.EnumerateObject().Select(p => p.Name));
                foreach (var name in names)
                {
                    var child = path.Length == 0 ? name : $"{path}.{name}";
                    if (!expected.TryGetProperty(name, out var e) || !actual.TryGetProperty(name, out var a))
                    {
                        differences.Add($"{child}: present on one side only");
                        continue;
                    }

                    Compare(child, e, a, differences);
                }

                break;
            case JsonValueKind.Array when expected.GetArrayLength() != actual.GetArrayLength():
                differences.Add($"{path}: {expected.GetArrayLength()} items vs {actual.GetArrayLength()}");
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    Compare($"{path}[{index++}]", e, a, differences);
                }

                break;
            case JsonValueKind.Number when expected.GetDouble() != actual.GetDouble():
            case JsonValueKind.String when expected.GetString() != actual.GetString():
                differences.Add($"{path}: {expected} vs {actual}");
                break;
        }
    }
}
