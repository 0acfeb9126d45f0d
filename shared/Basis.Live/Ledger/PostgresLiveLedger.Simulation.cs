using Npgsql;
using NpgsqlTypes;

namespace Basis.Live.Ledger;

/// <summary>The engine's side of the ledger: its checkpoint and its activity, hour by hour.</summary>
public sealed partial class PostgresLiveLedger
{
    /// <summary>Replaces the instance's checkpoint.</summary>
    public async Task SaveCheckpointAsync(LedgerCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO live_checkpoints (instance_id, next_hour_utc, state, updated_utc) VALUES (@instance_id, @next_hour_utc, @state, @updated_utc)
            ON CONFLICT (instance_id) DO UPDATE SET next_hour_utc = excluded.next_hour_utc, state = excluded.state, updated_utc = excluded.updated_utc
            """);
        command.Parameters.AddWithValue("instance_id", checkpoint.InstanceId);
        command.Parameters.AddWithValue("next_hour_utc", checkpoint.NextHourUtc.UtcDateTime);
        command.Parameters.AddWithValue("state", checkpoint.State);
        command.Parameters.AddWithValue("updated_utc", checkpoint.UpdatedUtc.UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The instance's checkpoint, or null before its first cycle.</summary>
    public async Task<LedgerCheckpoint?> GetCheckpointAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT instance_id, next_hour_utc, state, updated_utc FROM live_checkpoints WHERE instance_id = @instance_id");
        command.Parameters.AddWithValue("instance_id", instanceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new LedgerCheckpoint(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    /// <summary>Appends an hour's activity in one batch; rows already recorded (a cycle run again) are left as they are.</summary>
    public Task AppendActivityAsync(IReadOnlyList<LedgerActivity> activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return ExecuteAsync(activity.Select(ActivityCommand), cancellationToken);
    }

    /// <summary>
    /// Records a simulated hour in one round trip: its activity, decisions and equity, each written as
    /// <see cref="AppendActivityAsync"/>, <see cref="RecordDecisionAsync"/> and <see cref="SaveEquityAsync"/> write it
    /// (so safe to repeat), and a real instance's orders and on-chain steps for the hour, written ahead of their send
    /// (one already recorded is left as its sending left it); all or nothing.
    /// </summary>
    public Task RecordHourAsync(
        IReadOnlyList<LedgerActivity> activity, IReadOnlyList<LedgerDecision> decisions, LedgerEquity equity, IReadOnlyList<LedgerOrder>? ordersAhead = null, IReadOnlyList<LedgerChainStep>? chainStepsAhead = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(decisions);
        return ExecuteAsync(
            [
                .. activity.Select(ActivityCommand), .. decisions.Select(DecisionCommand), EquityCommand(equity),
                .. (ordersAhead ?? []).Select(o => OrderCommand(o, writeAhead: true)), .. (chainStepsAhead ?? []).Select(s => ChainStepCommand(s, writeAhead: true)),
            ],
            cancellationToken);
    }

    /// <summary>
    /// The instance's deposits (transfers from outside it, positive) and withdrawals (out of it, negative), in time
    /// order: the capital flows its engine applies. What came in at the instance's creation is its opening funding (a
    /// real instance's capital, where the operator put it), not a flow.
    /// </summary>
    public async Task<IReadOnlyList<(DateTimeOffset TimeUtc, decimal Amount)>> ListCapitalFlowsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT t.transferred_utc, CASE WHEN t.from_location IS NULL THEN t.amount ELSE -t.amount END
            FROM live_transfers t JOIN live_instances i ON i.instance_id = t.instance_id
            WHERE t.instance_id = @instance_id AND (t.from_location IS NULL OR t.to_location IS NULL)
                AND NOT (t.from_location IS NULL AND t.transferred_utc <= i.created_utc)
            ORDER BY t.transferred_utc, t.seq
            """);
        command.Parameters.AddWithValue("instance_id", instanceId);
        var flows = new List<(DateTimeOffset, decimal)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            flows.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetDecimal(1)));
        }

        return flows;
    }

    /// <summary>
    /// What tripped the circuit breaker since <paramref name="fromHourUtc"/>, in the order it happened: liquidations, bad
    /// debt written off, hours ending under a risk floor, and intents the safety gate refused (which leave a book the
    /// strategy did not intend).
    /// </summary>
    public async Task<IReadOnlyList<LedgerActivity>> ListBreakerActivityAsync(string instanceId, DateTimeOffset fromHourUtc, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT seq, instance_id, hour_utc, ordinal, kind, body::text FROM live_activity
            WHERE instance_id = @instance_id AND hour_utc >= @from_hour
              AND (kind = ANY(@breaker_kinds) OR (kind = @gate_kind AND body->>'verdict' = 'refused'))
            ORDER BY seq
            """);
        command.Parameters.AddWithValue("instance_id", instanceId);
        command.Parameters.AddWithValue("from_hour", fromHourUtc.UtcDateTime);
        command.Parameters.AddWithValue("breaker_kinds", LedgerActivity.BreakerKinds.ToArray());
        command.Parameters.AddWithValue("gate_kind", LedgerActivity.GateKind);
        var rows = new List<LedgerActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(ReadActivity(reader));
        }

        return rows;
    }

    /// <summary>The instance's activity in the order it happened.</summary>
    public Task<LedgerPage<LedgerActivity>> ListActivityAsync(string instanceId, LedgerPageRequest page, CancellationToken cancellationToken = default) =>
        ReadPageAsync("SELECT seq, instance_id, hour_utc, ordinal, kind, body::text FROM live_activity", instanceId, page, ReadActivity, cancellationToken);

    private static NpgsqlBatchCommand ActivityCommand(LedgerActivity row)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO live_activity (instance_id, hour_utc, ordinal, kind, body) VALUES (@instance_id, @hour_utc, @ordinal, @kind, @body)
            ON CONFLICT (instance_id, hour_utc, ordinal) DO NOTHING
            """);
        command.Parameters.AddWithValue("instance_id", row.InstanceId);
        command.Parameters.AddWithValue("hour_utc", row.HourUtc.UtcDateTime);
        command.Parameters.AddWithValue("ordinal", row.Ordinal);
        command.Parameters.AddWithValue("kind", row.Kind);
        command.Parameters.AddWithValue("body", NpgsqlDbType.Jsonb, row.BodyJson);
        return command;
    }

    private static LedgerActivity ReadActivity(NpgsqlDataReader reader) =>
        new(reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5));
}
