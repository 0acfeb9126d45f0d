-- ETH is lent to AAVE as WETH: a step may now wrap the wallet's ETH into WETH before a supply, or unwrap WETH after a
-- withdrawal.
ALTER TABLE live_chain_steps DROP CONSTRAINT live_chain_steps_kind_check;
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_kind_check CHECK (kind IN ('AaveSupply', 'AaveWithdraw', 'WrapEth', 'UnwrapEth'));
