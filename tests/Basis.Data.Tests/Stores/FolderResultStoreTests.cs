using System.Text;
using Basis.Data.Results;
using Basis.Data.Stores;
using Basis.Data.Tests.Results;

namespace Basis.Data.Tests.Stores;

public sealed class FolderResultStoreTests : ResultStoreContract, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("basis-store-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    protected override Task<IResultStore> OpenAsync() => Task.FromResult<IResultStore>(new FolderResultStore(_root));

    protected override Task<IResultStore> ReopenAsync() => OpenAsync();

    [Fact]
    public async Task Artefacts_are_plain_files_in_the_run_folder_beside_run_json()
    {
        var store = new FolderResultStore(_root);
        var result = ResultBuilder.Basis(48).Build();
        foreach (var artefact in ResultArtefacts.Render(result))
        {
            await store.PutArtefactAsync("bt-1", artefact.Name, artefact.Content, TestContext.Current.CancellationToken);
        }

        await store.PutArtefactAsync("bt-1", "segments/003.bin", new byte[] { 3 }, TestContext.Current.CancellationToken);
        await store.SaveRunAsync(new RunRecord("bt-1", "backtest", RunStatus.Completed, "{}", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), TestContext.Current.CancellationToken);

        var written = Path.Combine(_root, "written");
        ResultWriter.Write(written, result);
        foreach (var file in new[] { ResultFiles.Summary, ResultFiles.Timeseries, ResultFiles.Events, ResultFiles.Report })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(written, file)), File.ReadAllBytes(Path.Combine(_root, "bt-1", file)));
        }

        Assert.Equal(new byte[] { 3 }, File.ReadAllBytes(Path.Combine(_root, "bt-1", "segments", "003.bin")));
        Assert.Contains("\"status\": \"Completed\"", File.ReadAllText(Path.Combine(_root, "bt-1", FolderResultStore.RecordFile)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_root, "*.tmp", SearchOption.AllDirectories));

        await store.DeleteArtefactsAsync("bt-1", "segments/", TestContext.Current.CancellationToken);
        Assert.False(Directory.Exists(Path.Combine(_root, "bt-1", "segments")));
    }

    [Fact]
    public async Task A_single_run_store_writes_into_exactly_its_folder_and_refuses_other_runs()
    {
        var folder = Path.Combine(_root, "out");
        var store = FolderResultStore.ForSingleRun("bt-7", folder);

        await store.PutArtefactAsync("bt-7", ResultFiles.Summary, Encoding.UTF8.GetBytes("{}"), TestContext.Current.CancellationToken);
        await store.SaveRunAsync(new RunRecord("bt-7", "backtest", RunStatus.Completed, "{}", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), TestContext.Current.CancellationToken);

        Assert.True(File.Exists(Path.Combine(folder, ResultFiles.Summary)));
        Assert.Equal(["bt-7"], (await store.ListRunsAsync(new RunQuery(5), TestContext.Current.CancellationToken)).Select(r => r.RunId));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.GetRunAsync("bt-8", TestContext.Current.CancellationToken));
        Assert.Contains("'bt-8'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_record_file_name_is_not_an_artefact_name()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new FolderResultStore(_root).PutArtefactAsync("bt-1", "run.json", new byte[] { 1 }, TestContext.Current.CancellationToken));
        Assert.Contains("'run.json'", error.Message, StringComparison.Ordinal);
    }
}
