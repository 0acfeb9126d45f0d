-- AAVE's interest on what a real instance supplied and borrowed, booked as it accrues: each row the interest since the
-- row before on the balance that row left (balance_after), at the reserve's index (the supply index at aave_v3, the
-- variable-debt index at aave_v3_debt, where the balance is negative), so the ledger keeps up with the aTokens and debt
-- tokens without copying what the chain says they hold.
CREATE TABLE live_interest (
    seq            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instance_id    text        NOT NULL REFERENCES live_instances,
    location       text        NOT NULL CHECK (location IN ('aave_v3', 'aave_v3_debt')),
    asset          text        NOT NULL,
    amount         numeric     NOT NULL,
    reserve_index  numeric     NOT NULL CHECK (reserve_index > 0),
    balance_after  numeric     NOT NULL,
    booked_utc     timestamptz NOT NULL
);
CREATE INDEX live_interest_by_holding ON live_interest (instance_id, location, asset, seq);
CREATE TRIGGER live_interest_append_only BEFORE UPDATE OR DELETE ON live_interest
    FOR EACH ROW EXECUTE FUNCTION live_ledger_append_only();
