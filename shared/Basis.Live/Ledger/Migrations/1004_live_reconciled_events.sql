-- Reconciliation records each clean comparison of an instance's ledger with its venues as an event of its own kind
-- (a mismatch is a breach or an alert).
ALTER TABLE live_events DROP CONSTRAINT live_events_kind_check;
ALTER TABLE live_events ADD CONSTRAINT live_events_kind_check CHECK (kind IN ('Heartbeat', 'Breach', 'Alert', 'Reconciled'));
