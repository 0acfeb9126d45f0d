-- A real instance's on-chain steps (an AAVE supply or withdrawal), written ahead of their transaction with the hour
-- that decided them, like its orders. The transaction is signed before it is sent and its hash, nonce and raw bytes
-- recorded first: a send cut short by a crash is finished by sending the same bytes again, never by a second one.
CREATE TABLE live_chain_steps (
    seq          bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    instance_id  text        NOT NULL REFERENCES live_instances,
    step_id      text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('AaveSupply', 'AaveWithdraw')),
    asset        text        NOT NULL,
    amount       numeric     NOT NULL CHECK (amount > 0),
    status       text        NOT NULL CHECK (status IN ('Planned', 'Pending', 'Confirmed', 'Failed')),
    nonce        numeric,
    tx_hash      text        CHECK (tx_hash ~ '^0x[0-9a-f]{64}$'),
    raw_tx       text,
    reason       text,
    created_utc  timestamptz NOT NULL,
    updated_utc  timestamptz NOT NULL,
    PRIMARY KEY (instance_id, step_id)
);
