-- Each cycle reads the instance's high-water mark (max(equity)): from this index it is one lookup, not a scan of
-- every hour the instance has recorded.
CREATE INDEX live_equity_by_peak ON live_equity (instance_id, equity);
