// Drives the simulator's Binance wallet API (/sapi) with ccxt's binance, an independent implementation of the protocol:
// the deposit address, the deposit history, and a withdrawal of 1,000 USDT on ETH followed until ccxt reads it as 'ok'.
// Prints one JSON document of what ccxt parsed.
// Usage: node binance-ccxt-wallet.mjs <node_modules dir> <base url> <key> <secret> <withdrawal address>
import { createRequire } from 'node:module';
import path from 'node:path';

const [toolsDir, base, apiKey, secret, to] = process.argv.slice(2);
const require = createRequire(path.join(toolsDir, 'noop.js'));
const ccxt = require('ccxt');

const exchange = new ccxt.binance({
  apiKey,
  secret,
  urls: { api: { public: `${base}/api/v3`, private: `${base}/api/v3`, sapi: `${base}/sapi/v1` } },
  // Spot markets only; currencies come from them (the wallet's coin list, /sapi/v1/capital/config/getall, is not simulated).
  options: { adjustForTimeDifference: false, fetchCurrencies: false, fetchMargins: false, fetchMarkets: { types: ['spot'] } },
});
exchange.getExceptionsByUrl = (url, exactOrBroad) => exchange.exceptions.spot?.[exactOrBroad] ?? {};

await exchange.loadMarkets();
const out = {};
const address = await exchange.fetchDepositAddress('USDT', { network: 'ERC20' });
out.address = address.address;
out.deposits = (await exchange.fetchDeposits('USDT')).map((d) => ({
  txid: d.txid, amount: d.amount, status: d.status, network: d.network, address: d.address, timestamp: d.timestamp,
}));
const withdrawal = await exchange.withdraw('USDT', 1000, to, undefined, { network: 'ERC20' });
out.withdrawalId = withdrawal.id;
let row;
for (let i = 0; i < 400 && row?.status !== 'ok'; i++) {
  if (i > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  row = (await exchange.fetchWithdrawals('USDT')).find((w) => w.id === withdrawal.id);
}
out.withdrawal = { txid: row?.txid, amount: row?.amount, fee: row?.fee?.cost, status: row?.status, address: row?.address, network: row?.network };
console.log(JSON.stringify(out));
