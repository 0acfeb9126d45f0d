-- A real instance's leveraged loop is levered, deleveraged and unwound by atomic plans through its leverage executor:
-- one transaction each around a flash loan of WETH (flash_amount), with the LST supplied (counter_asset) or sold for at
-- least limit_amount WETH.
ALTER TABLE live_chain_steps ADD COLUMN flash_amount numeric;
ALTER TABLE live_chain_steps DROP CONSTRAINT live_chain_steps_kind_check;
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_kind_check
    CHECK (kind IN ('AaveSupply', 'AaveWithdraw', 'WrapEth', 'UnwrapEth', 'ExchangeDeposit', 'ExchangeWithdrawal',
                    'EtherFiDeposit', 'WrapEEth', 'LidoSubmit', 'WrapStEth', 'SwapExactIn', 'SwapExactOut',
                    'LoopLever', 'LoopDeleverage', 'LoopUnwind'));
ALTER TABLE live_chain_steps DROP CONSTRAINT live_chain_steps_swap_check;
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_swap_check
    CHECK ((kind IN ('SwapExactIn', 'SwapExactOut', 'LoopDeleverage', 'LoopUnwind')) = (limit_amount IS NOT NULL)
       AND (kind IN ('SwapExactIn', 'SwapExactOut', 'LoopLever', 'LoopDeleverage', 'LoopUnwind')) = (counter_asset IS NOT NULL));
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_loop_check
    CHECK ((kind IN ('LoopLever', 'LoopDeleverage', 'LoopUnwind')) = (flash_amount IS NOT NULL));
