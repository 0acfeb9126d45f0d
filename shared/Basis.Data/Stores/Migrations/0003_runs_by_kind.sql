-- Run lists filter by kind (and, for reconciliation, by status) before they take the newest.
CREATE INDEX runs_kind_newest ON runs (kind, created_utc DESC, run_id COLLATE "C" DESC);
CREATE INDEX runs_unfinished ON runs (status) WHERE status IN ('Pending', 'Running');
