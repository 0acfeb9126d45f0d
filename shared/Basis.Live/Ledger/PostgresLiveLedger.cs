using System.Numerics;
using Basis.Data.Stores;
using Basis.Venues.Exchanges;
using Npgsql;
using NpgsqlTypes;

namespace Basis.Live.Ledger;

/// <summary>
/// The live ledger in PostgreSQL (tables <c>live_*</c>, see <c>Ledger/Migrations</c>). Every write is safe to repeat:
/// orders are keyed by client order id, transactions by hash, equity by cycle, decisions by cycle and action, and
/// fills, funding and transfers by the venue's own id and never change once written, so replaying a cycle after a
/// crash records nothing twice.
/// </summary>
public sealed partial class PostgresLiveLedger
{
    /// <summary>The ledger's schema migrations, applied by Basis.Data's <see cref="SchemaMigrator"/>.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
        SchemaMigrator.Embedded(typeof(PostgresLiveLedger).Assembly, "Basis.Live.Ledger.Migrations.");

    private const string InstanceColumns = "instance_id, name, mode, share_class, capital, venues, limits::text, execution_kind, status, created_utc, updated_utc";
    private const string OrderColumns = "seq, instance_id, venue, client_order_id, symbol, side, order_type, quantity, price, venue_order_id, status, reason, created_utc, updated_utc, market";
    private const string FillColumns = "seq, instance_id, venue, fill_id, client_order_id, symbol, market, base_asset, quote_asset, side, quantity, price, fee, fee_asset, filled_utc";
    private const string TransactionColumns = "tx_hash, instance_id, plan_name, status, gas_used, gas_price_wei, block_number, created_utc, updated_utc";
    private const string EventColumns = "seq, instance_id, kind, message, details::text, occurred_utc";
    private const string ChainStepColumns =
        "seq, instance_id, step_id, kind, asset, amount, status, nonce, tx_hash, raw_tx, reason, created_utc, updated_utc, venue, venue_ref, counter_asset, limit_amount, flash_amount";
    private readonly NpgsqlDataSource _dataSource;

    private PostgresLiveLedger(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    /// <summary>Migrates the ledger's tables and returns a ledger on <paramref name="dataSource"/> (which the caller keeps owning).</summary>
    public static async Task<PostgresLiveLedger> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await SchemaMigrator.MigrateAsync(dataSource, Migrations, cancellationToken).ConfigureAwait(false);
        return new PostgresLiveLedger(dataSource);
    }

    /// <summary>Creates the instance or replaces its description; its creation time stays the first one written.</summary>
    public async Task SaveInstanceAsync(LiveInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(InstanceCommand(instance));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores a new instance with its opening funding (the capital the operator put where its strategy starts), both or
    /// neither: a real instance's ledger never lacks the money its venues hold from the start.
    /// </summary>
    public async Task SaveInstanceAsync(LiveInstance instance, LedgerTransfer openingFunding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(openingFunding);
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(InstanceCommand(instance));
        batch.BatchCommands.Add(TransferCommand(openingFunding));
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand InstanceCommand(LiveInstance instance)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO live_instances (instance_id, name, mode, share_class, capital, venues, limits, execution_kind, status, created_utc, updated_utc)
            VALUES (@instance_id, @name, @mode, @share_class, @capital, @venues, @limits, @execution_kind, @status, @created_utc, @updated_utc)
            ON CONFLICT (instance_id) DO UPDATE SET name = excluded.name, mode = excluded.mode, share_class = excluded.share_class,
                capital = excluded.capital, venues = excluded.venues, limits = excluded.limits, execution_kind = excluded.execution_kind,
                status = excluded.status, updated_utc = excluded.updated_utc
            """);
        command.Parameters.AddWithValue("instance_id", instance.Id);
        command.Parameters.AddWithValue("name", instance.Name);
        command.Parameters.AddWithValue("mode", instance.Mode);
        command.Parameters.AddWithValue("share_class", instance.ShareClass);
        command.Parameters.AddWithValue("capital", instance.Capital);
        command.Parameters.AddWithValue("venues", instance.Venues.ToArray());
        command.Parameters.AddWithValue("limits", NpgsqlDbType.Jsonb, instance.LimitsJson);
        command.Parameters.AddWithValue("execution_kind", instance.ExecutionKind.ToString());
        command.Parameters.AddWithValue("status", instance.Status.ToString());
        command.Parameters.AddWithValue("created_utc", instance.CreatedUtc.UtcDateTime);
        command.Parameters.AddWithValue("updated_utc", instance.UpdatedUtc.UtcDateTime);
        return command;
    }

    /// <summary>The instance, or null when there is none with this id.</summary>
    public async Task<LiveInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {InstanceColumns} FROM live_instances WHERE instance_id = @instance_id");
        command.Parameters.AddWithValue("instance_id", instanceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadInstance(reader) : null;
    }

    /// <summary>
    /// Records an order, or its progress when its client order id is known for the instance and venue: the venue's id
    /// (kept once known), status, reason and update time change; what was ordered does not.
    /// </summary>
    public Task SaveOrderAsync(LedgerOrder order, CancellationToken cancellationToken = default) =>
        ExecuteAsync([OrderCommand(order, writeAhead: false)], cancellationToken);

    /// <summary>Appends a fill; returns false when its fill id was recorded already (a replay).</summary>
    public async Task<bool> AppendFillAsync(LedgerFill fill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fill);
        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO live_fills (instance_id, venue, fill_id, client_order_id, symbol, market, base_asset, quote_asset, side, quantity, price, fee, fee_asset, filled_utc)
            VALUES (@instance_id, @venue, @fill_id, @client_order_id, @symbol, @market, @base_asset, @quote_asset, @side, @quantity, @price, @fee, @fee_asset, @filled_utc)
            ON CONFLICT (instance_id, venue, fill_id) DO NOTHING
            """);
        command.Parameters.AddWithValue("instance_id", fill.InstanceId);
        command.Parameters.AddWithValue("venue", fill.Venue);
        command.Parameters.AddWithValue("fill_id", fill.FillId);
        command.Parameters.AddWithValue("client_order_id", fill.ClientOrderId);
        command.Parameters.AddWithValue("symbol", fill.Symbol);
        command.Parameters.AddWithValue("market", fill.Market.ToString());
        command.Parameters.AddWithValue("base_asset", fill.BaseAsset);
        command.Parameters.AddWithValue("quote_asset", fill.QuoteAsset);
        command.Parameters.AddWithValue("side", fill.Side.ToString());
        command.Parameters.AddWithValue("quantity", fill.Quantity);
        command.Parameters.AddWithValue("price", fill.Price);
        command.Parameters.AddWithValue("fee", fill.Fee);
        command.Parameters.AddWithValue("fee_asset", fill.FeeAsset);
        command.Parameters.AddWithValue("filled_utc", fill.FilledUtc.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Appends a funding settlement; returns false when this venue, symbol and time was recorded already.</summary>
    public async Task<bool> AppendFundingAsync(LedgerFunding funding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(funding);
        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO live_funding_payments (instance_id, venue, symbol, asset, amount, paid_utc)
            VALUES (@instance_id, @venue, @symbol, @asset, @amount, @paid_utc)
            ON CONFLICT (instance_id, venue, symbol, paid_utc) DO NOTHING
            """);
        command.Parameters.AddWithValue("instance_id", funding.InstanceId);
        command.Parameters.AddWithValue("venue", funding.Venue);
        command.Parameters.AddWithValue("symbol", funding.Symbol);
        command.Parameters.AddWithValue("asset", funding.Asset);
        command.Parameters.AddWithValue("amount", funding.Amount);
        command.Parameters.AddWithValue("paid_utc", funding.PaidUtc.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Appends a transfer; returns false when its transfer id was recorded already.</summary>
    public async Task<bool> AppendTransferAsync(LedgerTransfer transfer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        await using var batch = _dataSource.CreateBatch();
        batch.BatchCommands.Add(TransferCommand(transfer));
        return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static NpgsqlBatchCommand TransferCommand(LedgerTransfer transfer)
    {
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO live_transfers (instance_id, transfer_id, asset, amount, fee, from_location, to_location, transferred_utc)
            VALUES (@instance_id, @transfer_id, @asset, @amount, @fee, @from_location, @to_location, @transferred_utc)
            ON CONFLICT (instance_id, transfer_id) DO NOTHING
            """);
        command.Parameters.AddWithValue("instance_id", transfer.InstanceId);
        command.Parameters.AddWithValue("transfer_id", transfer.TransferId);
        command.Parameters.AddWithValue("asset", transfer.Asset);
        command.Parameters.AddWithValue("amount", transfer.Amount);
        command.Parameters.AddWithValue("fee", transfer.Fee);
        command.Parameters.AddWithValue("from_location", NpgsqlDbType.Text, (object?)transfer.From ?? DBNull.Value);
        command.Parameters.AddWithValue("to_location", NpgsqlDbType.Text, (object?)transfer.To ?? DBNull.Value);
        command.Parameters.AddWithValue("transferred_utc", transfer.TransferredUtc.UtcDateTime);
        return command;
    }

    /// <summary>Records a transaction, or its progress (status, gas, block) when its hash is known.</summary>
    public async Task SaveTransactionAsync(LedgerTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO live_transactions (tx_hash, instance_id, plan_name, status, gas_used, gas_price_wei, block_number, created_utc, updated_utc)
            VALUES (@tx_hash, @instance_id, @plan_name, @status, @gas_used, @gas_price_wei, @block_number, @created_utc, @updated_utc)
            ON CONFLICT (tx_hash) DO UPDATE SET status = excluded.status,
                gas_used = COALESCE(excluded.gas_used, live_transactions.gas_used),
                gas_price_wei = COALESCE(excluded.gas_price_wei, live_transactions.gas_price_wei),
                block_number = COALESCE(excluded.block_number, live_transactions.block_number),
                updated_utc = excluded.updated_utc
            """);
        command.Parameters.AddWithValue("tx_hash", transaction.TxHash);
        command.Parameters.AddWithValue("instance_id", transaction.InstanceId);
        command.Parameters.AddWithValue("plan_name", transaction.PlanName);
        command.Parameters.AddWithValue("status", transaction.Status.ToString());
        command.Parameters.AddWithValue("gas_used", NpgsqlDbType.Bigint, (object?)transaction.GasUsed ?? DBNull.Value);
        command.Parameters.AddWithValue("gas_price_wei", NpgsqlDbType.Numeric, (object?)transaction.GasPriceWei ?? DBNull.Value);
        command.Parameters.AddWithValue("block_number", NpgsqlDbType.Bigint, (object?)transaction.BlockNumber ?? DBNull.Value);
        command.Parameters.AddWithValue("created_utc", transaction.CreatedUtc.UtcDateTime);
        command.Parameters.AddWithValue("updated_utc", transaction.UpdatedUtc.UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The transaction with this hash, or null.</summary>
    public async Task<LedgerTransaction?> GetTransactionAsync(string txHash, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {TransactionColumns} FROM live_transactions WHERE tx_hash = @tx_hash");
        command.Parameters.AddWithValue("tx_hash", txHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadTransaction(reader) : null;
    }

    /// <summary>The instance's latest transaction of <paramref name="planName"/> in <paramref name="status"/>, or null.</summary>
    public async Task<LedgerTransaction?> LatestTransactionAsync(string instanceId, string planName, TransactionStatus status, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {TransactionColumns} FROM live_transactions WHERE instance_id = @instance_id AND plan_name = @plan_name AND status = @status ORDER BY created_utc DESC, block_number DESC LIMIT 1");
        command.Parameters.AddWithValue("instance_id", instanceId);
        command.Parameters.AddWithValue("plan_name", planName);
        command.Parameters.AddWithValue("status", status.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadTransaction(reader) : null;
    }

    private static LedgerTransaction ReadTransaction(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        Enum.Parse<TransactionStatus>(r.GetString(3)),
        r.IsDBNull(4) ? null : r.GetInt64(4),
        r.IsDBNull(5) ? null : r.GetDecimal(5),
        r.IsDBNull(6) ? null : r.GetInt64(6),
        r.GetFieldValue<DateTimeOffset>(7),
        r.GetFieldValue<DateTimeOffset>(8));

    /// <summary>Records a decision; returns false when the cycle already holds this action (a replay).</summary>
    public async Task<bool> RecordDecisionAsync(LedgerDecision decision, CancellationToken cancellationToken = default) =>
        await ExecuteAsync([DecisionCommand(decision)], cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>The decisions of one cycle, in the order they were made.</summary>
    public async Task<IReadOnlyList<LedgerDecision>> ListDecisionsAsync(string instanceId, DateTimeOffset cycleUtc, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT instance_id, cycle_utc, action, reason FROM live_decisions WHERE instance_id = @instance_id AND cycle_utc = @cycle_utc ORDER BY seq");
        command.Parameters.AddWithValue("instance_id", instanceId);
        command.Parameters.AddWithValue("cycle_utc", cycleUtc.UtcDateTime);
        var decisions = new List<LedgerDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            decisions.Add(new LedgerDecision(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3)));
        }

        return decisions;
    }

    /// <summary>Records a cycle's equity, replacing what a previous attempt at the same cycle wrote.</summary>
    public Task SaveEquityAsync(LedgerEquity equity, CancellationToken cancellationToken = default) =>
        ExecuteAsync([EquityCommand(equity)], cancellationToken);

    /// <summary>The equity of the cycles in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), oldest first.</summary>
    public async Task<IReadOnlyList<LedgerEquity>> ListEquityAsync(string instanceId, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT instance_id, cycle_utc, equity, attribution::text FROM live_equity
            WHERE instance_id = @instance_id AND cycle_utc >= @from_utc AND cycle_utc < @to_utc ORDER BY cycle_utc
            """);
        command.Parameters.AddWithValue("instance_id", instanceId);
        command.Parameters.AddWithValue("from_utc", fromUtc.UtcDateTime);
        command.Parameters.AddWithValue("to_utc", toUtc.UtcDateTime);
        var rows = new List<LedgerEquity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new LedgerEquity(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetDecimal(2), reader.GetString(3)));
        }

        return rows;
    }

    /// <summary>Appends a heartbeat, breach or alert.</summary>
    public async Task AppendEventAsync(LedgerEvent ledgerEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledgerEvent);
        await using var command = _dataSource.CreateCommand(
            "INSERT INTO live_events (instance_id, kind, message, details, occurred_utc) VALUES (@instance_id, @kind, @message, @details, @occurred_utc)");
        command.Parameters.AddWithValue("instance_id", ledgerEvent.InstanceId);
        command.Parameters.AddWithValue("kind", ledgerEvent.Kind.ToString());
        command.Parameters.AddWithValue("message", ledgerEvent.Message);
        command.Parameters.AddWithValue("details", NpgsqlDbType.Jsonb, (object?)ledgerEvent.DetailsJson ?? DBNull.Value);
        command.Parameters.AddWithValue("occurred_utc", ledgerEvent.OccurredUtc.UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The instance's orders in the order they were first recorded.</summary>
    public Task<LedgerPage<LedgerOrder>> ListOrdersAsync(string instanceId, LedgerPageRequest page, CancellationToken cancellationToken = default) =>
        ReadPageAsync($"SELECT {OrderColumns} FROM live_orders", instanceId, page, ReadOrder, cancellationToken);

    /// <summary>
    /// The instance's orders whose outcome is not final (new or partly filled: sent and still working, or written ahead
    /// of a send that may not have happened), in the order they were recorded: the real desk's outbox.
    /// </summary>
    public async Task<IReadOnlyList<LedgerOrder>> ListOpenOrdersAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAllAsync(
            connection, $"SELECT {OrderColumns} FROM live_orders WHERE instance_id = @instance_id AND status IN ('New', 'PartiallyFilled') ORDER BY seq", instanceId, ReadOrder, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records an on-chain step's progress (signed with its nonce, hash and bytes; confirmed; failed and why).</summary>
    public Task SaveChainStepAsync(LedgerChainStep step, CancellationToken cancellationToken = default) =>
        ExecuteAsync([ChainStepCommand(step, writeAhead: false)], cancellationToken);

    /// <summary>The instance's on-chain steps not yet confirmed or failed, in the order they were recorded: the chain's outbox.</summary>
    public async Task<IReadOnlyList<LedgerChainStep>> ListOpenChainStepsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAllAsync(
            connection,
            $"SELECT {ChainStepColumns} FROM live_chain_steps WHERE instance_id = @instance_id AND status NOT IN ('Confirmed', 'Failed') ORDER BY seq",
            instanceId,
            ReadChainStep,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The instance's on-chain steps, whatever their status, in the order they were recorded.</summary>
    public Task<LedgerPage<LedgerChainStep>> ListChainStepsAsync(string instanceId, LedgerPageRequest page, CancellationToken cancellationToken = default) =>
        ReadPageAsync($"SELECT {ChainStepColumns} FROM live_chain_steps", instanceId, page, ReadChainStep, cancellationToken);

    /// <summary>The instance's fills in the order they were recorded.</summary>
    public Task<LedgerPage<LedgerFill>> ListFillsAsync(string instanceId, LedgerPageRequest page, CancellationToken cancellationToken = default) =>
        ReadPageAsync($"SELECT {FillColumns} FROM live_fills", instanceId, page, ReadFill, cancellationToken);

    /// <summary>The instance's events in the order they were recorded.</summary>
    public Task<LedgerPage<LedgerEvent>> ListEventsAsync(string instanceId, LedgerPageRequest page, CancellationToken cancellationToken = default) =>
        ReadPageAsync($"SELECT {EventColumns} FROM live_events", instanceId, page, ReadEvent, cancellationToken);

    /// <summary>
    /// The instance's positions rebuilt from every fill (in trade time order), funding payment, transfer and transaction's
    /// gas it recorded (see <see cref="LedgerPositions.Rebuild"/>). Read in one snapshot, so a concurrent write is either wholly in or out.
    /// </summary>
    public async Task<LedgerPositions> RebuildPositionsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var fills = await ReadAllAsync(connection, $"SELECT {FillColumns} FROM live_fills WHERE instance_id = @instance_id ORDER BY filled_utc, seq", instanceId, ReadFill, cancellationToken).ConfigureAwait(false);
        var funding = await ReadAllAsync(
            connection,
            "SELECT instance_id, venue, symbol, asset, amount, paid_utc FROM live_funding_payments WHERE instance_id = @instance_id ORDER BY paid_utc, seq",
            instanceId,
            r => new LedgerFunding(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDecimal(4), r.GetFieldValue<DateTimeOffset>(5)),
            cancellationToken).ConfigureAwait(false);
        var transfers = await ReadAllAsync(
            connection,
            "SELECT instance_id, transfer_id, asset, amount, fee, from_location, to_location, transferred_utc FROM live_transfers WHERE instance_id = @instance_id ORDER BY transferred_utc, seq",
            instanceId,
            r => new LedgerTransfer(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDecimal(3), r.GetDecimal(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetFieldValue<DateTimeOffset>(7)),
            cancellationToken).ConfigureAwait(false);
        var transactions = await ReadAllAsync(
            connection,
            $"SELECT {TransactionColumns} FROM live_transactions WHERE instance_id = @instance_id AND gas_used IS NOT NULL ORDER BY created_utc, tx_hash",
            instanceId,
            ReadTransaction,
            cancellationToken).ConfigureAwait(false);
        var interest = await ReadAllAsync(connection, $"SELECT {InterestColumns} FROM live_interest WHERE instance_id = @instance_id ORDER BY seq", instanceId, ReadInterest, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return LedgerPositions.Rebuild(fills, funding, transfers, transactions, interest);
    }

    /// <summary>Books AAVE interest on one holding (append-only).</summary>
    public async Task AppendInterestAsync(LedgerInterest interest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interest);
        await using var command = _dataSource.CreateCommand(
            """
            INSERT INTO live_interest (instance_id, location, asset, amount, reserve_index, balance_after, booked_utc)
            VALUES (@instance_id, @location, @asset, @amount, @reserve_index, @balance_after, @booked_utc)
            """);
        command.Parameters.AddWithValue("instance_id", interest.InstanceId);
        command.Parameters.AddWithValue("location", interest.Location);
        command.Parameters.AddWithValue("asset", interest.Asset);
        command.Parameters.AddWithValue("amount", interest.Amount);
        command.Parameters.AddWithValue("reserve_index", interest.ReserveIndex);
        command.Parameters.AddWithValue("balance_after", interest.BalanceAfter);
        command.Parameters.AddWithValue("booked_utc", interest.BookedUtc.UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest interest booked on each of the instance's AAVE holdings, by location and asset.</summary>
    public async Task<IReadOnlyList<LedgerInterest>> LatestInterestAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAllAsync(
            connection,
            $"SELECT DISTINCT ON (location, asset) {InterestColumns} FROM live_interest WHERE instance_id = @instance_id ORDER BY location, asset, seq DESC",
            instanceId,
            ReadInterest,
            cancellationToken).ConfigureAwait(false);
    }

    private const string InterestColumns = "instance_id, location, asset, amount, reserve_index, balance_after, booked_utc";

    private static LedgerInterest ReadInterest(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetDecimal(3), r.GetDecimal(4), r.GetDecimal(5), r.GetFieldValue<DateTimeOffset>(6));

    /// <summary>The highest equity the instance recorded (its high-water mark), or null before its first cycle.</summary>
    public async Task<decimal?> PeakEquityAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        // Computed by the server: a cycle needs the mark, not the instance's whole history.
        await using var command = _dataSource.CreateCommand("SELECT max(equity) FROM live_equity WHERE instance_id = @instance_id");
        command.Parameters.AddWithValue("instance_id", instanceId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is decimal peak ? peak : null;
    }

    /// <summary>
    /// Records an order. Written ahead of its send (<paramref name="writeAhead"/>), an order already known is left as it
    /// is, since a replayed hour must not undo what its sending recorded; otherwise it records the order's progress.
    /// </summary>
    private static NpgsqlBatchCommand OrderCommand(LedgerOrder order, bool writeAhead)
    {
        ArgumentNullException.ThrowIfNull(order);
        var command = new NpgsqlBatchCommand(
            $"""
            INSERT INTO live_orders (instance_id, venue, client_order_id, symbol, market, side, order_type, quantity, price, venue_order_id, status, reason, created_utc, updated_utc)
            VALUES (@instance_id, @venue, @client_order_id, @symbol, @market, @side, @order_type, @quantity, @price, @venue_order_id, @status, @reason, @created_utc, @updated_utc)
            ON CONFLICT (instance_id, venue, client_order_id) DO {(writeAhead ? "NOTHING" : """
                UPDATE SET
                venue_order_id = COALESCE(excluded.venue_order_id, live_orders.venue_order_id),
                status = excluded.status, reason = COALESCE(excluded.reason, live_orders.reason), updated_utc = excluded.updated_utc
                """)}
            """);
        command.Parameters.AddWithValue("instance_id", order.InstanceId);
        command.Parameters.AddWithValue("venue", order.Venue);
        command.Parameters.AddWithValue("client_order_id", order.ClientOrderId);
        command.Parameters.AddWithValue("symbol", order.Symbol);
        command.Parameters.AddWithValue("market", order.Market.ToString());
        command.Parameters.AddWithValue("side", order.Side.ToString());
        command.Parameters.AddWithValue("order_type", order.Type.ToString());
        command.Parameters.AddWithValue("quantity", order.Quantity);
        command.Parameters.AddWithValue("price", NpgsqlDbType.Numeric, (object?)order.Price ?? DBNull.Value);
        command.Parameters.AddWithValue("venue_order_id", NpgsqlDbType.Text, (object?)order.VenueOrderId ?? DBNull.Value);
        command.Parameters.AddWithValue("status", order.Status.ToString());
        command.Parameters.AddWithValue("reason", NpgsqlDbType.Text, (object?)order.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("created_utc", order.CreatedUtc.UtcDateTime);
        command.Parameters.AddWithValue("updated_utc", order.UpdatedUtc.UtcDateTime);
        return command;
    }

    /// <summary>Records an on-chain step: written ahead, one already known is left as it is; otherwise its progress.</summary>
    private static NpgsqlBatchCommand ChainStepCommand(LedgerChainStep step, bool writeAhead)
    {
        ArgumentNullException.ThrowIfNull(step);
        var command = new NpgsqlBatchCommand(
            $"""
            INSERT INTO live_chain_steps (instance_id, step_id, kind, asset, amount, status, nonce, tx_hash, raw_tx, reason, created_utc, updated_utc, venue, venue_ref, counter_asset, limit_amount, flash_amount)
            VALUES (@instance_id, @step_id, @kind, @asset, @amount, @status, @nonce, @tx_hash, @raw_tx, @reason, @created_utc, @updated_utc, @venue, @venue_ref, @counter_asset, @limit_amount, @flash_amount)
            ON CONFLICT (instance_id, step_id) DO {(writeAhead ? "NOTHING" : """
                UPDATE SET
                status = excluded.status, amount = excluded.amount, nonce = COALESCE(excluded.nonce, live_chain_steps.nonce), tx_hash = COALESCE(excluded.tx_hash, live_chain_steps.tx_hash),
                raw_tx = COALESCE(excluded.raw_tx, live_chain_steps.raw_tx), reason = COALESCE(excluded.reason, live_chain_steps.reason),
                venue_ref = COALESCE(excluded.venue_ref, live_chain_steps.venue_ref), updated_utc = excluded.updated_utc
                """)}
            """);
        command.Parameters.AddWithValue("instance_id", step.InstanceId);
        command.Parameters.AddWithValue("step_id", step.StepId);
        command.Parameters.AddWithValue("kind", step.Kind.ToString());
        command.Parameters.AddWithValue("asset", step.Asset);
        command.Parameters.AddWithValue("amount", step.Amount);
        command.Parameters.AddWithValue("status", step.Status.ToString());
        command.Parameters.AddWithValue("nonce", NpgsqlDbType.Numeric, step.Nonce is { } nonce ? (decimal)nonce : DBNull.Value);
        command.Parameters.AddWithValue("tx_hash", NpgsqlDbType.Text, (object?)step.TxHash ?? DBNull.Value);
        command.Parameters.AddWithValue("raw_tx", NpgsqlDbType.Text, (object?)step.RawTx ?? DBNull.Value);
        command.Parameters.AddWithValue("reason", NpgsqlDbType.Text, (object?)step.Reason ?? DBNull.Value);
        command.Parameters.AddWithValue("created_utc", step.CreatedUtc.UtcDateTime);
        command.Parameters.AddWithValue("updated_utc", step.UpdatedUtc.UtcDateTime);
        command.Parameters.AddWithValue("venue", NpgsqlDbType.Text, (object?)step.Venue ?? DBNull.Value);
        command.Parameters.AddWithValue("venue_ref", NpgsqlDbType.Text, (object?)step.VenueRef ?? DBNull.Value);
        command.Parameters.AddWithValue("counter_asset", NpgsqlDbType.Text, (object?)step.Counter ?? DBNull.Value);
        command.Parameters.AddWithValue("limit_amount", NpgsqlDbType.Numeric, (object?)step.Limit ?? DBNull.Value);
        command.Parameters.AddWithValue("flash_amount", NpgsqlDbType.Numeric, (object?)step.Flash ?? DBNull.Value);
        return command;
    }

    private static NpgsqlBatchCommand DecisionCommand(LedgerDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO live_decisions (instance_id, cycle_utc, action, reason) VALUES (@instance_id, @cycle_utc, @action, @reason)
            ON CONFLICT (instance_id, cycle_utc, action) DO NOTHING
            """);
        command.Parameters.AddWithValue("instance_id", decision.InstanceId);
        command.Parameters.AddWithValue("cycle_utc", decision.CycleUtc.UtcDateTime);
        command.Parameters.AddWithValue("action", decision.Action);
        command.Parameters.AddWithValue("reason", decision.Reason);
        return command;
    }

    private static NpgsqlBatchCommand EquityCommand(LedgerEquity equity)
    {
        ArgumentNullException.ThrowIfNull(equity);
        var command = new NpgsqlBatchCommand(
            """
            INSERT INTO live_equity (instance_id, cycle_utc, equity, attribution) VALUES (@instance_id, @cycle_utc, @equity, @attribution)
            ON CONFLICT (instance_id, cycle_utc) DO UPDATE SET equity = excluded.equity, attribution = excluded.attribution
            """);
        command.Parameters.AddWithValue("instance_id", equity.InstanceId);
        command.Parameters.AddWithValue("cycle_utc", equity.CycleUtc.UtcDateTime);
        command.Parameters.AddWithValue("equity", equity.Equity);
        command.Parameters.AddWithValue("attribution", NpgsqlDbType.Jsonb, equity.AttributionJson);
        return command;
    }

    /// <summary>Runs the commands in one round trip (one implicit transaction); returns the rows they changed.</summary>
    private async Task<int> ExecuteAsync(IEnumerable<NpgsqlBatchCommand> commands, CancellationToken cancellationToken)
    {
        await using var batch = _dataSource.CreateBatch();
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(command);
        }

        return batch.BatchCommands.Count == 0 ? 0 : await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<LedgerPage<T>> ReadPageAsync<T>(string select, string instanceId, LedgerPageRequest page, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(page.Limit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page.Limit, LedgerPageRequest.MaxLimit);
        // seq is the first column of every paged select; one row more than asked says whether a next page exists.
        await using var command = _dataSource.CreateCommand($"{select} WHERE instance_id = @instance_id AND seq > @after ORDER BY seq LIMIT @limit");
        command.Parameters.AddWithValue("instance_id", instanceId);
        command.Parameters.AddWithValue("after", page.After ?? 0L);
        command.Parameters.AddWithValue("limit", page.Limit + 1);
        var items = new List<T>();
        long? next = null;
        long last = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == page.Limit)
            {
                next = last;
                break;
            }

            items.Add(read(reader));
            last = reader.GetInt64(0);
        }

        return new LedgerPage<T>(items, next);
    }

    private static async Task<List<T>> ReadAllAsync<T>(NpgsqlConnection connection, string sql, string instanceId, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("instance_id", instanceId);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static LedgerChainStep ReadChainStep(NpgsqlDataReader r) => new(
        r.GetString(1), r.GetString(2), Enum.Parse<ChainStepKind>(r.GetString(3)), r.GetString(4), r.GetDecimal(5), Enum.Parse<ChainStepStatus>(r.GetString(6)),
        r.IsDBNull(7) ? null : new BigInteger(r.GetDecimal(7)), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10), r.GetFieldValue<DateTimeOffset>(11), r.GetFieldValue<DateTimeOffset>(12))
    {
        Venue = r.IsDBNull(13) ? null : r.GetString(13),
        VenueRef = r.IsDBNull(14) ? null : r.GetString(14),
        Counter = r.IsDBNull(15) ? null : r.GetString(15),
        Limit = r.IsDBNull(16) ? null : r.GetDecimal(16),
        Flash = r.IsDBNull(17) ? null : r.GetDecimal(17),
    };

    private static LedgerOrder ReadOrder(NpgsqlDataReader r) => new(
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        Enum.Parse<OrderSide>(r.GetString(5)),
        Enum.Parse<OrderType>(r.GetString(6)),
        r.GetDecimal(7),
        r.IsDBNull(8) ? null : r.GetDecimal(8),
        r.IsDBNull(9) ? null : r.GetString(9),
        Enum.Parse<OrderStatus>(r.GetString(10)),
        r.IsDBNull(11) ? null : r.GetString(11),
        r.GetFieldValue<DateTimeOffset>(12),
        r.GetFieldValue<DateTimeOffset>(13))
    {
        Market = Enum.Parse<MarketType>(r.GetString(14)),
    };

    private static LedgerFill ReadFill(NpgsqlDataReader r) => new(
        r.GetString(1),
        r.GetString(2),
        r.GetString(3),
        r.GetString(4),
        r.GetString(5),
        Enum.Parse<MarketType>(r.GetString(6)),
        r.GetString(7),
        r.GetString(8),
        Enum.Parse<OrderSide>(r.GetString(9)),
        r.GetDecimal(10),
        r.GetDecimal(11),
        r.GetDecimal(12),
        r.GetString(13),
        r.GetFieldValue<DateTimeOffset>(14));

    private static LedgerEvent ReadEvent(NpgsqlDataReader r) => new(
        r.GetString(1),
        Enum.Parse<LedgerEventKind>(r.GetString(2)),
        r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        r.GetFieldValue<DateTimeOffset>(5));
}
