-- Runs and their artefacts (DESIGN §7). JSON is jsonb so that runs can be queried by request or summary fields.
CREATE TABLE runs (
    run_id      text        PRIMARY KEY,
    kind        text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('Pending', 'Running', 'Completed', 'Failed', 'Terminated')),
    request     jsonb       NOT NULL,
    created_utc timestamptz NOT NULL,
    updated_utc timestamptz NOT NULL,
    summary     jsonb,
    error       text
);

-- ListRuns: newest first, then id.
CREATE INDEX runs_newest ON runs (created_utc DESC, run_id COLLATE "C" DESC);

-- No foreign key to runs: artefacts may be written before the run's record, as in the folder store.
CREATE TABLE run_artefacts (
    run_id      text        NOT NULL,
    name        text        NOT NULL,
    content     bytea       NOT NULL,
    updated_utc timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, name)
);
