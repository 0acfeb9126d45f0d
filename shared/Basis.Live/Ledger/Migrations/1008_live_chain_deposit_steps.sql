-- A real instance moves tokens from its wallet to an exchange: a step sends them to the venue's deposit address, then
-- follows them until the venue has credited them and they are in its trading account. The step names its venue, and
-- two states follow the mined transaction: arriving (sent, not yet credited) and moving (credited, being moved into
-- the trading account).
ALTER TABLE live_chain_steps ADD COLUMN venue text;
ALTER TABLE live_chain_steps DROP CONSTRAINT live_chain_steps_kind_check;
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_kind_check CHECK (kind IN ('AaveSupply', 'AaveWithdraw', 'WrapEth', 'UnwrapEth', 'ExchangeDeposit'));
ALTER TABLE live_chain_steps DROP CONSTRAINT live_chain_steps_status_check;
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_status_check CHECK (status IN ('Planned', 'Pending', 'Arriving', 'Moving', 'Confirmed', 'Failed'));
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_venue_check CHECK ((kind = 'ExchangeDeposit') = (venue IS NOT NULL));
