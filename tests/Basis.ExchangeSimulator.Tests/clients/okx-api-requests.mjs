// Sends four fixed requests with okx-api (set leverage, market order with a clOrdId, query it by that id, a 100 USDT
// transfer from the trading to the funding account) so that the simulator's request journal can be compared with what
// our client sends for the same.
// Usage: node okx-api-requests.mjs <node_modules dir> <base url> <key> <secret> <passphrase> <client order id>
import { createRequire } from 'node:module';
import path from 'node:path';

const [toolsDir, baseUrl, apiKey, apiSecret, apiPass, clOrdId] = process.argv.slice(2);
const require = createRequire(path.join(toolsDir, 'noop.js'));
const { RestClient } = require('okx-api');

const client = new RestClient({ apiKey, apiSecret, apiPass, baseUrl });
const instId = 'BTC-USDT-SWAP';
await client.setLeverage({ instId, lever: '5', mgnMode: 'cross' });
await client.submitOrder({ instId, tdMode: 'cross', side: 'buy', ordType: 'market', sz: '1', clOrdId });
await client.getOrderDetails({ instId, clOrdId });
await client.fundsTransfer({ ccy: 'USDT', amt: '100', from: '18', to: '6' });
console.log(JSON.stringify({ done: true }));
