-- The canonical market-data layout (DESIGN §6) for BASIS_DATA_MODE=db: one row per series per month, holding the
-- month file's bytes exactly as on disk, so every mode parses the same text.
CREATE TABLE market_months (
    series      text        NOT NULL,
    year        integer     NOT NULL CHECK (year BETWEEN 1970 AND 9999),
    month       integer     NOT NULL CHECK (month BETWEEN 1 AND 12),
    content     bytea       NOT NULL,
    updated_utc timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (series, year, month)
);
