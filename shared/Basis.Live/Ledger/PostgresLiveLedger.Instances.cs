using Basis.Live.Safety;
using Npgsql;

namespace Basis.Live.Ledger;

/// <summary>The operator's side of the ledger: every instance, status changes that cannot race, the latest events.</summary>
public sealed partial class PostgresLiveLedger
{
    /// <summary>Every instance, oldest first.</summary>
    public async Task<IReadOnlyList<LiveInstance>> ListInstancesAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {InstanceColumns} FROM live_instances ORDER BY created_utc, instance_id");
        var instances = new List<LiveInstance>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            instances.Add(ReadInstance(reader));
        }

        return instances;
    }

    /// <summary>
    /// Moves the instance to <paramref name="to"/> only while its status is one of <paramref name="from"/>, in one
    /// statement, so two operators (or an operator and the runtime halting it) cannot both win. Returns the instance as
    /// it is afterwards, or null when there is none; its status says whether the change happened.
    /// </summary>
    public async Task<LiveInstance?> ChangeStatusAsync(string instanceId, IReadOnlyCollection<LiveInstanceStatus> from, LiveInstanceStatus to, DateTimeOffset updatedUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        await using (var command = _dataSource.CreateCommand(
            "UPDATE live_instances SET status = @to, updated_utc = @updated_utc WHERE instance_id = @instance_id AND status = ANY(@from)"))
        {
            command.Parameters.AddWithValue("instance_id", instanceId);
            command.Parameters.AddWithValue("from", from.Select(s => s.ToString()).ToArray());
            command.Parameters.AddWithValue("to", to.ToString());
            command.Parameters.AddWithValue("updated_utc", updatedUtc.UtcDateTime);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The instance's latest <paramref name="count"/> events of one kind, newest first.</summary>
    public async Task<IReadOnlyList<LedgerEvent>> LatestEventsAsync(string instanceId, LedgerEventKind kind, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        await using var command = _dataSource.CreateCommand(
            $"SELECT {EventColumns} FROM live_events WHERE instance_id = @instance_id AND kind = @kind ORDER BY seq DESC LIMIT @count");
        command.Parameters.AddWithValue("instance_id", instanceId);
        command.Parameters.AddWithValue("kind", kind.ToString());
        command.Parameters.AddWithValue("count", count);
        var events = new List<LedgerEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(ReadEvent(reader));
        }

        return events;
    }

    /// <summary>The equity of every cycle the instance recorded, oldest first.</summary>
    public Task<IReadOnlyList<LedgerEquity>> ListEquityAsync(string instanceId, CancellationToken cancellationToken = default) =>
        ListEquityAsync(instanceId, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, cancellationToken);

    private static LiveInstance ReadInstance(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetDecimal(4),
        reader.GetFieldValue<string[]>(5),
        reader.GetString(6),
        Enum.Parse<ExecutionKind>(reader.GetString(7)),
        Enum.Parse<LiveInstanceStatus>(reader.GetString(8)),
        reader.GetFieldValue<DateTimeOffset>(9),
        reader.GetFieldValue<DateTimeOffset>(10));
}
