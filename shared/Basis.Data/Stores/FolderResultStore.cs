using System.Globalization;
using System.Text.Json;

namespace Basis.Data.Stores;

/// <summary>
/// Runs as folders (the default, DESIGN §7): <c>{root}/{runId}/</c> holds the artefacts as plain files, so
/// <c>results/&lt;run-id&gt;/summary.json</c> is where people expect it, and the record as <c>run.json</c>.
/// Artefact names with <c>/</c> become subfolders. Every write goes to a temporary file that is then moved into
/// place, so readers never see half a file.
/// </summary>
public sealed class FolderResultStore : IResultStore
{
    /// <summary>The record's file inside a run's folder (so no artefact may have this name).</summary>
    public const string RecordFile = "run.json";

    private static readonly JsonWriterOptions Indented = new() { Indented = true };
    private readonly string _root;
    private readonly string? _singleRunId;

    // Makes "save unless finished" one step within this process (a folder shared by processes has no such lock).
    private readonly Lock _recordLock = new();

    /// <summary>Keeps every run under <paramref name="root"/> (created on the first write).</summary>
    public FolderResultStore(string root)
        : this(root, null)
    {
    }

    private FolderResultStore(string root, string? singleRunId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root);
        _singleRunId = singleRunId;
    }

    /// <inheritdoc />
    public string Description => _singleRunId is null ? $"folder {_root}" : $"folder {_root} (run {_singleRunId} only)";

    /// <summary>
    /// A store holding one run in exactly <paramref name="folder"/> (the command line's <c>--out</c>): the run's
    /// files go there rather than into a subfolder named after the id, and any other run id is refused.
    /// </summary>
    public static FolderResultStore ForSingleRun(string runId, string folder) => new(folder, StoreNames.RunId(runId));

    /// <inheritdoc />
    public async Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var folder = RunFolder(run.RunId);
        await WriteAtomicallyAsync(Path.Combine(folder, RecordFile), Serialize(run), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<bool> SaveRunUnlessFinishedAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var path = Path.Combine(RunFolder(run.RunId), RecordFile);
        lock (_recordLock)
        {
            // A record is a few hundred bytes: read and written synchronously, so the check and the write are one step.
            if (File.Exists(path) && Deserialize(File.ReadAllBytes(path), path).Status.IsFinished())
            {
                return Task.FromResult(false);
            }

            WriteAtomicallyAsync(path, Serialize(run), cancellationToken).GetAwaiter().GetResult();
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public async Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(RunFolder(runId), RecordFile);
        var bytes = await ReadIfExistsAsync(path, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : Deserialize(bytes, path);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        IEnumerable<string> runIds = _singleRunId is { } only ? [only]
            : Directory.Exists(_root) ? Directory.EnumerateDirectories(_root).Select(d => Path.GetFileName(d)!).Where(StoreNames.IsRunId)
            : [];
        var runs = new List<RunRecord>();
        foreach (var runId in runIds)
        {
            if (await GetRunAsync(runId, cancellationToken).ConfigureAwait(false) is { } run && query.Matches(run))
            {
                runs.Add(run);
            }
        }

        return [.. runs.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.RunId, StringComparer.Ordinal).Take(query.Limit)];
    }

    /// <inheritdoc />
    public Task PutArtefactAsync(string runId, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteAtomicallyAsync(ArtefactPath(runId, name), content, cancellationToken);

    /// <inheritdoc />
    public Task<byte[]?> GetArtefactAsync(string runId, string name, CancellationToken cancellationToken = default) =>
        ReadIfExistsAsync(ArtefactPath(runId, name), cancellationToken);

    /// <inheritdoc />
    public Task DeleteArtefactsAsync(string runId, string prefix, CancellationToken cancellationToken = default)
    {
        var folder = RunFolder(runId);
        StoreNames.Prefix(prefix);
        if (!Directory.Exists(folder))
        {
            return Task.CompletedTask;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList())
        {
            var name = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (name != RecordFile && !name.Split('/').Any(s => s.StartsWith('.')) && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                File.Delete(file);
            }
        }

        // Subfolders emptied by the deletion go too, deepest first; the run's own folder stays (it holds run.json).
        foreach (var dir in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
        {
            if (!Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        // Writable is what matters: create the root and a probe file, then remove it.
        Directory.CreateDirectory(_root);
        var probe = Path.Combine(_root, $".health.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(probe, []);
        File.Delete(probe);
        return Task.CompletedTask;
    }

    /// <summary>The folder holding a run's files (where a person finds <c>report.html</c>).</summary>
    public string FolderOf(string runId) => Path.GetFullPath(RunFolder(runId));

    private string RunFolder(string runId)
    {
        StoreNames.RunId(runId);
        if (_singleRunId is null)
        {
            return Path.Combine(_root, runId);
        }

        return runId == _singleRunId
            ? _root
            : throw new ArgumentException($"Run id '{runId}' is not this store's: {_root} holds run '{_singleRunId}' only.", nameof(runId));
    }

    private string ArtefactPath(string runId, string name)
    {
        var folder = RunFolder(runId);
        if (StoreNames.Artefact(name) == RecordFile)
        {
            throw new ArgumentException($"Artefact name '{name}' is reserved for the run's record in a folder store.", nameof(name));
        }

        return Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar));
    }

    private static async Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        // The temporary name starts with '.', which no artefact name may, so it never clashes with one.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static async Task<byte[]?> ReadIfExistsAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static byte[] Serialize(RunRecord run)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            json.WriteStartObject();
            json.WriteString("run_id", run.RunId);
            json.WriteString("kind", run.Kind);
            json.WriteString("status", run.Status.ToString());
            json.WriteString("created_utc", run.CreatedUtc.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("updated_utc", run.UpdatedUtc.ToString("O", CultureInfo.InvariantCulture));
            json.WritePropertyName("request");
            json.WriteRawValue(run.RequestJson); // kept as JSON (validated here), so run.json reads naturally
            json.WritePropertyName("summary");
            if (run.SummaryJson is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteRawValue(run.SummaryJson);
            }

            json.WriteString("error", run.Error);
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static RunRecord Deserialize(byte[] bytes, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            var status = Text(root, "status", path);
            return new RunRecord(
                Text(root, "run_id", path),
                Text(root, "kind", path),
                Enum.TryParse<RunStatus>(status, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : throw Invalid(path, $"status '{status}' is not one of {string.Join(", ", Enum.GetNames<RunStatus>())}"),
                Field(root, "request", path).GetRawText(),
                Time(root, "created_utc", path),
                Time(root, "updated_utc", path),
                Field(root, "summary", path) is { ValueKind: not JsonValueKind.Null } summary ? summary.GetRawText() : null,
                Field(root, "error", path) is { ValueKind: JsonValueKind.String } error ? error.GetString() : null);
        }
        catch (JsonException e)
        {
            throw Invalid(path, e.Message);
        }
    }

    private static JsonElement Field(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var value) ? value : throw Invalid(path, $"'{name}' is missing");

    private static string Text(JsonElement root, string name, string path) =>
        Field(root, name, path) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : throw Invalid(path, $"'{name}' is not a string");

    private static DateTimeOffset Time(JsonElement root, string name, string path) =>
        DateTimeOffset.TryParse(Text(root, name, path), CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : throw Invalid(path, $"'{name}' is not a timestamp");

    private static InvalidDataException Invalid(string path, string problem) => new($"{path}: {problem}");
}
