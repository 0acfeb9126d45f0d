-- The live ledger (DESIGN §11): what each live instance is, what it asked for, what happened, and why. Money is
-- numeric (exact, as decimal in C#); times are UTC. Enum columns hold the C# member names.

CREATE TABLE live_instances (
    instance_id    text        PRIMARY KEY,
    name           text        NOT NULL,
    mode           text        NOT NULL,
    share_class    text        NOT NULL,
    capital        numeric     NOT NULL CHECK (capital >= 0),
    venues         text[]      NOT NULL,
    limits         jsonb       NOT NULL,
    execution_kind text        NOT NULL CHECK (execution_kind IN ('Paper', 'Real')),
    status         text        NOT NULL CHECK (status IN ('Active', 'Paused', 'Halted', 'Stopped')),
    created_utc    timestamptz NOT NULL,
    updated_utc    timestamptz NOT NULL
);

-- One row per order, updated as it progresses; the client order id is the idempotency key a replay reuses.
-- seq orders pages (a cursor is the last seq seen).
CREATE TABLE live_orders (
    seq             bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    instance_id     text        NOT NULL REFERENCES live_instances,
    venue           text        NOT NULL,
    client_order_id text        NOT NULL,
    symbol          text        NOT NULL,
    side            text        NOT NULL CHECK (side IN ('Buy', 'Sell')),
    order_type      text        NOT NULL CHECK (order_type IN ('Market', 'Limit')),
    quantity        numeric     NOT NULL CHECK (quantity > 0),
    price           numeric     CHECK (price > 0),
    venue_order_id  text,
    status          text        NOT NULL CHECK (status IN ('New', 'PartiallyFilled', 'Filled', 'Canceled', 'Rejected', 'Expired')),
    reason          text,
    created_utc     timestamptz NOT NULL,
    updated_utc     timestamptz NOT NULL,
    PRIMARY KEY (instance_id, venue, client_order_id)
);

-- Fills, funding and transfers are facts: appended once (keyed by the venue's own id), never changed.
CREATE TABLE live_fills (
    seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instance_id     text        NOT NULL REFERENCES live_instances,
    venue           text        NOT NULL,
    fill_id         text        NOT NULL,
    client_order_id text        NOT NULL,
    symbol          text        NOT NULL,
    market          text        NOT NULL CHECK (market IN ('Perp', 'Spot')),
    base_asset      text        NOT NULL,
    quote_asset     text        NOT NULL,
    side            text        NOT NULL CHECK (side IN ('Buy', 'Sell')),
    quantity        numeric     NOT NULL CHECK (quantity > 0),
    price           numeric     NOT NULL CHECK (price > 0),
    fee             numeric     NOT NULL,
    fee_asset       text        NOT NULL,
    filled_utc      timestamptz NOT NULL,
    UNIQUE (instance_id, venue, fill_id)
);

CREATE TABLE live_funding_payments (
    seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instance_id text        NOT NULL REFERENCES live_instances,
    venue       text        NOT NULL,
    symbol      text        NOT NULL,
    asset       text        NOT NULL,
    amount      numeric     NOT NULL,
    paid_utc    timestamptz NOT NULL,
    UNIQUE (instance_id, venue, symbol, paid_utc)
);

-- A null source is a deposit from outside the instance, a null destination a withdrawal out of it.
CREATE TABLE live_transfers (
    seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instance_id     text        NOT NULL REFERENCES live_instances,
    transfer_id     text        NOT NULL,
    asset           text        NOT NULL,
    amount          numeric     NOT NULL CHECK (amount > 0),
    fee             numeric     NOT NULL DEFAULT 0 CHECK (fee >= 0),
    from_location   text,
    to_location     text,
    transferred_utc timestamptz NOT NULL,
    CHECK (from_location IS NOT NULL OR to_location IS NOT NULL),
    UNIQUE (instance_id, transfer_id)
);

CREATE FUNCTION live_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: a fact, once recorded, is corrected by a new row', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER live_fills_append_only BEFORE UPDATE OR DELETE ON live_fills
    FOR EACH ROW EXECUTE FUNCTION live_ledger_append_only();
CREATE TRIGGER live_funding_payments_append_only BEFORE UPDATE OR DELETE ON live_funding_payments
    FOR EACH ROW EXECUTE FUNCTION live_ledger_append_only();
CREATE TRIGGER live_transfers_append_only BEFORE UPDATE OR DELETE ON live_transfers
    FOR EACH ROW EXECUTE FUNCTION live_ledger_append_only();

-- An on-chain transaction (an atomic plan) by hash, updated as it is mined or fails.
CREATE TABLE live_transactions (
    tx_hash       text        PRIMARY KEY CHECK (tx_hash ~ '^0x[0-9a-f]{64}$'),
    instance_id   text        NOT NULL REFERENCES live_instances,
    plan_name     text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('Pending', 'Confirmed', 'Failed', 'Dropped')),
    gas_used      bigint      CHECK (gas_used >= 0),
    gas_price_wei numeric     CHECK (gas_price_wei >= 0),
    block_number  bigint,
    created_utc   timestamptz NOT NULL,
    updated_utc   timestamptz NOT NULL
);

-- What the strategy decided in a cycle and why; one row per action per cycle, so a replayed cycle adds nothing.
CREATE TABLE live_decisions (
    seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instance_id text        NOT NULL REFERENCES live_instances,
    cycle_utc   timestamptz NOT NULL,
    action      text        NOT NULL,
    reason      text        NOT NULL,
    UNIQUE (instance_id, cycle_utc, action)
);

-- Equity at the end of each cycle, in the share class' unit, with its attribution by source (funding, staking, ...).
CREATE TABLE live_equity (
    instance_id text        NOT NULL REFERENCES live_instances,
    cycle_utc   timestamptz NOT NULL,
    equity      numeric     NOT NULL,
    attribution jsonb       NOT NULL,
    PRIMARY KEY (instance_id, cycle_utc)
);

-- Heartbeats, limit breaches and alerts, in the order they happened.
CREATE TABLE live_events (
    seq          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instance_id  text        NOT NULL REFERENCES live_instances,
    kind         text        NOT NULL CHECK (kind IN ('Heartbeat', 'Breach', 'Alert')),
    message      text        NOT NULL,
    details      jsonb,
    occurred_utc timestamptz NOT NULL
);

CREATE INDEX live_orders_by_instance ON live_orders (instance_id, seq);
CREATE INDEX live_fills_by_instance ON live_fills (instance_id, seq);
CREATE INDEX live_events_by_instance ON live_events (instance_id, seq);
