-- What an instance's engine carries from one cycle to the next, and what it did hour by hour.

-- The engine's state after the instance's last simulated hour: each cycle continues from it and replaces it once
-- everything the cycle recorded is written, so a cycle cut short is simply run again.
CREATE TABLE live_checkpoints (
    instance_id   text        PRIMARY KEY REFERENCES live_instances,
    next_hour_utc timestamptz NOT NULL,
    state         bytea       NOT NULL,
    updated_utc   timestamptz NOT NULL
);

-- Every event the engine produced for the instance, as a backtest writes them to events.jsonl (decisions, fills,
-- transfers, AAVE and staking steps, funding, liquidations), and every safety-gate verdict. Keyed by the hour and
-- the event's place in it, so a cycle run again records nothing twice.
CREATE TABLE live_activity (
    seq         bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    instance_id text        NOT NULL REFERENCES live_instances,
    hour_utc    timestamptz NOT NULL,
    ordinal     integer     NOT NULL CHECK (ordinal >= 0),
    kind        text        NOT NULL,
    body        jsonb       NOT NULL,
    PRIMARY KEY (instance_id, hour_utc, ordinal)
);

CREATE INDEX live_activity_by_instance ON live_activity (instance_id, seq);
