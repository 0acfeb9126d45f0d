-- A real instance moves tokens between its wallet and the exchanges. A deposit step sends them to the venue's deposit
-- address, then follows them until the venue has credited them and they are in its trading account; a withdrawal step
-- moves them out of the trading account, asks the venue to send them to the wallet (keeping the venue's withdrawal id)
-- and follows them until they arrive. Both name their venue, and two states follow the first action: arriving (on its
-- way) and moving (between the venue's accounts, or asked for, with an outcome the host may not have heard).
ALTER TABLE live_chain_steps ADD COLUMN venue text;
ALTER TABLE live_chain_steps ADD COLUMN venue_ref text;
ALTER TABLE live_chain_steps DROP CONSTRAINT live_chain_steps_kind_check;
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_kind_check
    CHECK (kind IN ('AaveSupply', 'AaveWithdraw', 'WrapEth', 'UnwrapEth', 'ExchangeDeposit', 'ExchangeWithdrawal'));
ALTER TABLE live_chain_steps DROP CONSTRAINT live_chain_steps_status_check;
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_status_check
    CHECK (status IN ('Planned', 'Pending', 'Arriving', 'Moving', 'Confirmed', 'Failed'));
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_venue_check
    CHECK ((kind IN ('ExchangeDeposit', 'ExchangeWithdrawal')) = (venue IS NOT NULL));
