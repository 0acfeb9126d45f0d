-- A real instance swaps on Uniswap v3: exactly the step's amount of its asset in (or out), for a counter token whose
-- side is bounded by the step's limit (at least received, or at most paid), which the pool enforces.
ALTER TABLE live_chain_steps ADD COLUMN counter_asset text;
ALTER TABLE live_chain_steps ADD COLUMN limit_amount numeric;
ALTER TABLE live_chain_steps DROP CONSTRAINT live_chain_steps_kind_check;
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_kind_check
    CHECK (kind IN ('AaveSupply', 'AaveWithdraw', 'WrapEth', 'UnwrapEth', 'ExchangeDeposit', 'ExchangeWithdrawal',
                    'EtherFiDeposit', 'WrapEEth', 'LidoSubmit', 'WrapStEth', 'SwapExactIn', 'SwapExactOut'));
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_swap_check
    CHECK ((kind IN ('SwapExactIn', 'SwapExactOut')) = (counter_asset IS NOT NULL AND limit_amount IS NOT NULL));
