using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Storage;

namespace Basis.Orchestrations.Tests.Engine;

/// <summary>
/// Grain storage and a reminder table kept in statics, shared by every silo in the test process: they stand in
/// for an external store (Redis, a database) that outlives a silo. Orleans' own in-memory providers keep their
/// data in grains, which die with the silo that hosts them, so they cannot back a silo-failure test.
/// State is stored serialized, so a reader never sees changes that were not written.
/// </summary>
internal static class ProcessWideStore
{
    public static ConcurrentDictionary<string, (byte[] State, string ETag)> GrainStates { get; } = new();

    public static ConcurrentDictionary<(GrainId Grain, string Name), ReminderEntry> Reminders { get; } = new();

    private static long etags;

    public static string NextETag() => Interlocked.Increment(ref etags).ToString(CultureInfo.InvariantCulture);
}

internal sealed class ProcessWideGrainStorage(Serializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (ProcessWideStore.GrainStates.TryGetValue(Key(stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.State);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        string key = Key(stateName, grainId);
        string etag = ProcessWideStore.NextETag();
        var entry = (serializer.SerializeToArray(grainState.State), etag);
        bool written = grainState.ETag is null
            ? ProcessWideStore.GrainStates.TryAdd(key, entry)
            : ProcessWideStore.GrainStates.TryGetValue(key, out var current) && current.ETag == grainState.ETag
              && ProcessWideStore.GrainStates.TryUpdate(key, entry, current);
        if (!written)
        {
            throw new InconsistentStateException($"ETag mismatch writing {key}.", string.Empty, grainState.ETag ?? string.Empty);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ProcessWideStore.GrainStates.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}

internal sealed class ProcessWideReminderTable : IReminderTable
{
    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(new ReminderTableData(ProcessWideStore.Reminders.Values.Where(r => r.GrainId == grainId).ToList()));

    /// <summary>Rows whose grain hash is in the ring range (begin, end]; begin == end is the whole ring.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        Task.FromResult(new ReminderTableData(ProcessWideStore.Reminders.Values.Where(r =>
        {
            uint hash = r.GrainId.GetUniformHashCode();
            return begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
        }).ToList()));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Task.FromResult(ProcessWideStore.Reminders.TryGetValue((grainId, reminderName), out var entry) ? entry : null);

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.ETag = ProcessWideStore.NextETag();
        ProcessWideStore.Reminders[(entry.GrainId, entry.ReminderName)] = entry;
        return Task.FromResult<string?>(entry.ETag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        var key = (grainId, reminderName);
        bool removed = ProcessWideStore.Reminders.TryGetValue(key, out var entry) && entry.ETag == eTag
            && ProcessWideStore.Reminders.TryRemove(new KeyValuePair<(GrainId, string), ReminderEntry>(key, entry));
        return Task.FromResult(removed);
    }

    public Task TestOnlyClearTable()
    {
        ProcessWideStore.Reminders.Clear();
        return Task.CompletedTask;
    }
}
