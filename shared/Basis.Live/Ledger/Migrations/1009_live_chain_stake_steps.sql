-- A real instance stakes ETH with EtherFi (deposited into its liquidity pool for eETH, then wrapped into weETH) or
-- with Lido (submitted for stETH, then wrapped into wstETH), each a transaction of its own, so each a step.
ALTER TABLE live_chain_steps DROP CONSTRAINT live_chain_steps_kind_check;
ALTER TABLE live_chain_steps ADD CONSTRAINT live_chain_steps_kind_check
    CHECK (kind IN ('AaveSupply', 'AaveWithdraw', 'WrapEth', 'UnwrapEth', 'ExchangeDeposit', 'ExchangeWithdrawal',
                    'EtherFiDeposit', 'WrapEEth', 'LidoSubmit', 'WrapStEth'));
